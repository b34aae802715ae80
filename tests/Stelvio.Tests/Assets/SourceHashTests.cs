using Stelvio.Assets;

namespace Stelvio.Tests.Assets;

public sealed class SourceHashTests
{
    private static string Hash(string folder, string? generated = null) =>
        FunctionAsset.For(AssetKind.DotnetProject, folder, "x86_64", nativeAot: false, generated is null ? null : new Dictionary<string, string> { ["StelvioResources.worker.g.cs"] = generated }).Hash;

    private static (TempFolder Root, string Function, string Library) Layout()
    {
        var root = new TempFolder();
        root.Write("fn/Fn.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"../lib/Lib.csproj\" /></ItemGroup></Project>");
        root.Write("fn/Handler.cs", "class Handler {}");
        root.Write("lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        root.Write("lib/Runtime.cs", "class Runtime {}");
        return (root, Path.Combine(root.Path, "fn"), Path.Combine(root.Path, "lib"));
    }

    [Fact]
    public void Hash_IsTheSameForTheSameSources()
    {
        var (root, function, _) = Layout();
        using (root)
        {
            Assert.Equal(Hash(function), Hash(function));
        }
    }

    [Fact]
    public void Hash_ChangesWhenAReferencedProjectChanges()
    {
        var (root, function, _) = Layout();
        using (root)
        {
            var before = Hash(function);
            root.Write("lib/Runtime.cs", "class Runtime { int x; }");
            Assert.NotEqual(before, Hash(function));
        }
    }

    [Fact]
    public void Hash_ChangesWhenADirectoryBuildPropsAboveChanges()
    {
        var (root, function, _) = Layout();
        using (root)
        {
            var before = Hash(function);
            root.Write("Directory.Build.props", "<Project><PropertyGroup><Optimize>false</Optimize></PropertyGroup></Project>");
            Assert.NotEqual(before, Hash(function));
        }
    }

    [Fact]
    public void Hash_ChangesWithTheGeneratedAccessFileContent_NotWithTheFileOnDisk()
    {
        var (root, function, _) = Layout();
        using (root)
        {
            var before = Hash(function, "Resources.Orders");
            root.Write("fn/StelvioResources.g.cs", "stale content on disk");
            Assert.Equal(before, Hash(function, "Resources.Orders"));
            Assert.NotEqual(before, Hash(function, "Resources.Orders and Resources.Users"));
        }
    }

    [Fact]
    public void Hash_IgnoresBuildOutput()
    {
        var (root, function, _) = Layout();
        using (root)
        {
            var before = Hash(function);
            root.Write("fn/bin/Debug/Fn.dll", "binary");
            root.Write("lib/obj/project.assets.json", "{}");
            Assert.Equal(before, Hash(function));
        }
    }
}
