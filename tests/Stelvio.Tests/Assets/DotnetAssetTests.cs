using System.IO.Compression;
using Stelvio.Assets;

namespace Stelvio.Tests.Assets;

/// <summary>The C# asset build with a stand-in for <c>dotnet publish</c>, which records commands and writes chosen files.</summary>
public class DotnetAssetTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly List<ProcessCommand> commands = [];

    public DotnetAssetTests()
    {
        folder.Write("functions/Orders/Orders.Functions.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        folder.Write("functions/Orders/OrderHandlers.cs", "class OrderHandlers { }");
    }

    private string Source => Path.Combine(folder.Path, "functions", "Orders");

    private string Cache => Path.Combine(folder.Path, ".stelvio", "assets");

    [Fact]
    public async Task Publish_RunsDotnetPublishSelfContainedForTheArchitecture()
    {
        var builder = Builder(Publishes("bootstrap", ["bootstrap", "bootstrap.dbg"]));

        await builder.BuildAsync(FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", nativeAot: true), CancellationToken.None);

        var command = Assert.Single(commands);
        var output = command.Arguments[command.Arguments.ToList().IndexOf("-o") + 1];
        Assert.Equal(
            ["publish", Path.Combine(Source, "Orders.Functions.csproj"), "-c", "Release", "-r", "linux-x64", "--self-contained", "-p:PublishAot=true",
             "-o", output, "-nodeReuse:false", "-getProperty:TargetName"],
            command.Arguments);
        Assert.Equal(Source, command.WorkingDirectory);
        Assert.False(Directory.Exists(output), "the publish folder is removed after zipping");
    }

    [Fact]
    public async Task Publish_ForArm64WithoutAot_UsesLinuxArm64AndPublishAotFalse()
    {
        var builder = Builder(Publishes("bootstrap", ["bootstrap"]));

        await builder.BuildAsync(FunctionAsset.For(AssetKind.DotnetProject, Source, "arm64", nativeAot: false), CancellationToken.None);

        Assert.Contains("linux-arm64", commands[0].Arguments);
        Assert.Contains("-p:PublishAot=false", commands[0].Arguments);
    }

    [Fact]
    public async Task Zip_HoldsTheExecutableAsBootstrap0755_AndLeavesSymbolsOut()
    {
        var builder = Builder(Publishes("Orders.Functions", ["Orders.Functions", "Orders.Functions.dll", "Orders.Functions.pdb", "Orders.Functions.dbg", "createdump", "de/Orders.Functions.resources.dll"]));

        var built = await builder.BuildAsync(FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", nativeAot: false), CancellationToken.None);

        using var archive = ZipFile.OpenRead(built.ZipPath);
        Assert.Equal(["Orders.Functions.dll", "bootstrap", "createdump", "de/Orders.Functions.resources.dll"], archive.Entries.Select(e => e.FullName));
        Assert.Equal("content of Orders.Functions", new StreamReader(archive.GetEntry("bootstrap")!.Open()).ReadToEnd());
        Assert.Equal(0x81ED, archive.GetEntry("bootstrap")!.ExternalAttributes >>> 16);
        Assert.Equal(0x81ED, archive.GetEntry("createdump")!.ExternalAttributes >>> 16);
        Assert.Equal(0x81A4, archive.GetEntry("Orders.Functions.dll")!.ExternalAttributes >>> 16);
        ZipCheck.AssertValid(built.ZipPath);
    }

    [Fact]
    public async Task SeveralFunctionsOfOneProject_AreBuiltOnce()
    {
        var gate = new TaskCompletionSource();
        var builder = Builder(async (command, token) =>
        {
            await gate.Task;
            return await Publishes("bootstrap", ["bootstrap"])(command, token);
        });
        var asset = FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", nativeAot: true);

        var first = builder.BuildAsync(asset, CancellationToken.None);
        var second = builder.BuildAsync(FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", nativeAot: true), CancellationToken.None);
        gate.SetResult();
        var built = await Task.WhenAll(first, second);

        Assert.Single(commands);
        Assert.Equal(built[0].ZipPath, built[1].ZipPath);
    }

    [Fact]
    public async Task DifferentAssetsOfOneProject_ArePublishedOneAtATime()
    {
        var running = 0;
        var overlapped = false;
        var builder = Builder(async (command, token) =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            await Task.Delay(50, token);
            Interlocked.Decrement(ref running);
            return await Publishes("bootstrap", ["bootstrap"])(command, token);
        });

        var built = await Task.WhenAll(
            builder.BuildAsync(FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", nativeAot: true), CancellationToken.None),
            builder.BuildAsync(FunctionAsset.For(AssetKind.DotnetProject, Source, "arm64", nativeAot: true), CancellationToken.None));

        Assert.Equal(2, commands.Count);
        Assert.False(overlapped, "two dotnet publish commands ran at once");
        Assert.NotEqual(built[0].ZipPath, built[1].ZipPath);
    }

    [Fact]
    public async Task CachedZip_IsNotPublishedAgain()
    {
        var asset = FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", nativeAot: true);
        await Builder(Publishes("bootstrap", ["bootstrap"])).BuildAsync(asset, CancellationToken.None);

        var again = await Builder(Publishes("bootstrap", ["bootstrap"])).BuildAsync(asset, CancellationToken.None);

        Assert.True(again.FromCache);
        Assert.Single(commands);
    }

    [Fact]
    public async Task AotAndNonAotBuilds_AreDifferentAssets()
    {
        var builder = Builder(Publishes("bootstrap", ["bootstrap"]));

        var aot = await builder.BuildAsync(FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", nativeAot: true), CancellationToken.None);
        var jit = await builder.BuildAsync(FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", nativeAot: false), CancellationToken.None);

        Assert.Equal(2, commands.Count);
        Assert.NotEqual(aot.ZipPath, jit.ZipPath);
    }

    [Fact]
    public async Task FailedPublish_ThrowsWithTheOutputTail_CachesNothing_AndCanBeRetried()
    {
        var output = Enumerable.Range(1, 40).Select(i => $"line {i}").Append("OrderHandlers.cs(3,5): error CS1002: ; expected").ToArray();
        var builder = Builder((command, _) =>
        {
            commands.Add(command);
            return Task.FromResult(new ProcessOutcome(1, output));
        });
        var asset = FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", nativeAot: true);

        var error = await Assert.ThrowsAsync<AssetBuildException>(() => builder.BuildAsync(asset, CancellationToken.None));
        await Assert.ThrowsAsync<AssetBuildException>(() => builder.BuildAsync(asset, CancellationToken.None));

        Assert.StartsWith($"Function code in '{Source}': dotnet publish failed with exit code 1.{Environment.NewLine}Command: ", error.Message);
        var tail = string.Join(Environment.NewLine, output.Skip(11)); // the last 30 lines
        Assert.Equal(tail, error.OutputTail);
        Assert.EndsWith($"Last lines of its output:{Environment.NewLine}{tail}", error.Message);
        Assert.Same(asset, error.Asset);
        Assert.Equal(2, commands.Count);
        Assert.False(Directory.Exists(Cache) && Directory.EnumerateFiles(Cache).Any(), "nothing is cached after a failure");
    }

    [Fact]
    public async Task LibraryProject_WithoutExecutable_ThrowsExplainingAFunctionIsAConsoleProgram()
    {
        var builder = Builder(Publishes("Orders.Functions", ["Orders.Functions.dll"]));

        var error = await Assert.ThrowsAsync<AssetBuildException>(() =>
            builder.BuildAsync(FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", nativeAot: false), CancellationToken.None));

        Assert.StartsWith($"Function code in '{Source}': dotnet publish of Orders.Functions.csproj wrote no executable 'Orders.Functions'. " +
            "A C# function is a console program: set <OutputType>Exe</OutputType> and call LambdaHost.RunAsync in its Program.cs.", error.Message);
    }

    [Fact]
    public async Task FolderWithoutProject_IsAConfigError()
    {
        File.Delete(Path.Combine(Source, "Orders.Functions.csproj"));

        var error = await Assert.ThrowsAsync<StelvioConfigException>(() =>
            Builder(Publishes("bootstrap", ["bootstrap"])).BuildAsync(FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", true), CancellationToken.None));

        Assert.Equal($"Function code '{Source}': The folder holds no .csproj. A C# handler's folder holds one console project that references Stelvio.Lambda.", error.Message);
        Assert.Empty(commands);
    }

    [Fact]
    public async Task FolderWithTwoProjects_IsAConfigErrorNamingThem()
    {
        folder.Write("functions/Orders/Other.csproj", "<Project />");

        var error = await Assert.ThrowsAsync<StelvioConfigException>(() =>
            Builder(Publishes("bootstrap", ["bootstrap"])).BuildAsync(FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", true), CancellationToken.None));

        Assert.Equal($"Function code '{Source}': The folder holds 2 projects (Orders.Functions.csproj, Other.csproj); keep one .csproj per function folder.", error.Message);
    }

    [Fact]
    public async Task UnknownArchitecture_IsAConfigErrorListingTheValidOnes()
    {
        var error = await Assert.ThrowsAsync<StelvioConfigException>(() =>
            Builder(Publishes("bootstrap", ["bootstrap"])).BuildAsync(FunctionAsset.For(AssetKind.DotnetProject, Source, "x64", true), CancellationToken.None));

        Assert.Equal($"Function code '{Source}': Architecture: 'x64' is not a Lambda architecture. Use x86_64 or arm64.", error.Message);
    }

    public void Dispose() => folder.Dispose();

    private AssetBuilder Builder(RunProcess run) => new(Cache, run);

    /// <summary>A stand-in for dotnet publish that writes <paramref name="files"/> into the -o folder and prints <paramref name="targetName"/> last.</summary>
    private RunProcess Publishes(string targetName, string[] files) => (command, _) =>
    {
        lock (commands)
        {
            commands.Add(command);
        }

        var output = command.Arguments[command.Arguments.ToList().IndexOf("-o") + 1];
        foreach (var file in files)
        {
            var path = Path.Combine(output, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "content of " + file);
        }

        return Task.FromResult(new ProcessOutcome(0, ["  Restored.", targetName]));
    };
}
