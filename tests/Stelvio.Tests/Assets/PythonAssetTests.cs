using System.IO.Compression;
using Stelvio.Assets;

namespace Stelvio.Tests.Assets;

public class PythonAssetTests
{
    [Fact]
    public async Task PythonSource_ZipsTheFolderWithTheGeneratedModulesOfSynthButNoCaches()
    {
        using var folder = new TempFolder();
        var source = folder.Sub("functions");
        folder.Write("functions/orders.py", "def process_changes(event, context):\n    pass\n");
        folder.Write("functions/lib/util.py", "X = 1\n");
        folder.Write("functions/lib/__init__.py", "");
        folder.Write("functions/stlv_resources_get_order.py", "# on disk, changed since synth\n");
        folder.Write("functions/stlv_resources_other_app.py", "# another app's\n");
        folder.Write("functions/__pycache__/orders.cpython-311.pyc", "cache");
        folder.Write("functions/lib/old.pyc", "cache");
        var builder = new AssetBuilder(Path.Combine(folder.Path, ".stelvio", "assets"));
        var generated = new Dictionary<string, string> { ["stlv_resources_get_order.py"] = "# generated\n" };

        var built = await builder.BuildAsync(FunctionAsset.For(AssetKind.PythonSource, source, "x86_64", false, generated), CancellationToken.None);

        using var archive = ZipFile.OpenRead(built.ZipPath);
        Assert.Equal(["lib/__init__.py", "lib/util.py", "orders.py", "stlv_resources_get_order.py"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.Equal("# generated\n", new StreamReader(archive.GetEntry("stlv_resources_get_order.py")!.Open()).ReadToEnd());
        Assert.All(archive.Entries, e => Assert.Equal(0x81A4, e.ExternalAttributes >>> 16));
        ZipCheck.AssertValid(built.ZipPath);
    }

    [Fact]
    public async Task PythonSource_IsCachedUnderTheHashInTheCacheFolder()
    {
        using var folder = new TempFolder();
        var source = folder.Sub("functions");
        folder.Write("functions/orders.py", "print('x')\n");
        var cache = Path.Combine(folder.Path, ".stelvio", "assets");
        var asset = FunctionAsset.For(AssetKind.PythonSource, source, "x86_64", false);

        var built = await new AssetBuilder(cache).BuildAsync(asset, CancellationToken.None);

        Assert.Equal(Path.Combine(cache, asset.Hash + ".zip"), built.ZipPath);
        Assert.False(built.FromCache);
        Assert.Equal(new FileInfo(built.ZipPath).Length, built.Size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(built.ZipPath))), built.ZipSha256);
        Assert.Equal([asset.Hash + ".zip"], Directory.GetFiles(cache).Select(Path.GetFileName));
    }

    [Fact]
    public async Task UnchangedSource_IsTakenFromTheCacheWithoutRewritingTheZip()
    {
        using var folder = new TempFolder();
        var source = folder.Sub("functions");
        folder.Write("functions/orders.py", "print('x')\n");
        var cache = Path.Combine(folder.Path, "cache");
        var first = await new AssetBuilder(cache).BuildAsync(FunctionAsset.For(AssetKind.PythonSource, source, "x86_64", false), CancellationToken.None);
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(first.ZipPath, stamp);

        var second = await new AssetBuilder(cache).BuildAsync(FunctionAsset.For(AssetKind.PythonSource, source, "x86_64", false), CancellationToken.None);

        Assert.True(second.FromCache);
        Assert.Equal(first.ZipSha256, second.ZipSha256);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(second.ZipPath));
    }

    [Fact]
    public async Task ChangedSource_GetsANewZip()
    {
        using var folder = new TempFolder();
        var source = folder.Sub("functions");
        var file = folder.Write("functions/orders.py", "print('x')\n");
        var builder = new AssetBuilder(Path.Combine(folder.Path, "cache"));
        var first = await builder.BuildAsync(FunctionAsset.For(AssetKind.PythonSource, source, "x86_64", false), CancellationToken.None);

        File.WriteAllText(file, "print('y')\n");
        var second = await builder.BuildAsync(FunctionAsset.For(AssetKind.PythonSource, source, "x86_64", false), CancellationToken.None);

        Assert.False(second.FromCache);
        Assert.NotEqual(first.ZipPath, second.ZipPath);
        Assert.NotEqual(first.ZipSha256, second.ZipSha256);
    }

    [Fact]
    public async Task SameSourceInTwoCaches_GivesIdenticalBytes_WhateverTheFileTimes()
    {
        using var folder = new TempFolder();
        var source = folder.Sub("functions");
        var file = folder.Write("functions/orders.py", "print('x')\n");
        folder.Write("functions/pkg/__init__.py", "");
        var asset = FunctionAsset.For(AssetKind.PythonSource, source, "x86_64", false);
        var first = await new AssetBuilder(Path.Combine(folder.Path, "cache1")).BuildAsync(asset, CancellationToken.None);

        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-3));
        var second = await new AssetBuilder(Path.Combine(folder.Path, "cache2")).BuildAsync(asset, CancellationToken.None);

        Assert.False(second.FromCache);
        Assert.Equal(File.ReadAllBytes(first.ZipPath), File.ReadAllBytes(second.ZipPath));
    }

    [Fact]
    public async Task MissingFolder_IsAConfigErrorNamingIt()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "nope");
        var asset = new FunctionAsset(AssetKind.PythonSource, missing, "x86_64", false, "0123456789abcdef0123456789abcdef");

        var error = await Assert.ThrowsAsync<StelvioConfigException>(() => new AssetBuilder(Path.Combine(folder.Path, "cache")).BuildAsync(asset, CancellationToken.None));

        Assert.Equal($"Function code '{missing}': The folder does not exist.", error.Message);
    }
}
