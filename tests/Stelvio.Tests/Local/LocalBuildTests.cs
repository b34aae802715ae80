using Stelvio.Assets;
using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Local;
using Stelvio.Tests.Assets;

namespace Stelvio.Tests.Local;

/// <summary>Local builds (for the local cloud) with a stand-in for <c>dotnet publish</c>, and real ones of Python folders.</summary>
public class LocalBuildTests : IDisposable
{
    private static readonly LocalToolchain WithoutClang = new("linux-x64", NativeAotToolchain: false);
    private static readonly LocalToolchain WithClang = new("linux-x64", NativeAotToolchain: true);

    private readonly TempFolder folder = new();
    private readonly List<ProcessCommand> commands = [];

    public LocalBuildTests()
    {
        folder.Write("functions/Orders/Orders.Functions.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        folder.Write("functions/Orders/OrderHandlers.cs", "class OrderHandlers { }");
        folder.Write("functions/Orders/StelvioResources.process-orders.g.cs", "// generated");
    }

    private string Source => Path.Combine(folder.Path, "functions", "Orders");

    private string Cache => Path.Combine(folder.Path, ".stelvio", "local");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task AotProjectWithoutClang_IsPublishedForTheJit_WithANotice()
    {
        var asset = FunctionAsset.For(AssetKind.DotnetProject, Source, "arm64", nativeAot: true);

        var result = await Builder(WithoutClang, Publishes("Orders.Functions", ["Orders.Functions", "Orders.Functions.dll", "Orders.Functions.pdb"]))
            .BuildAsync([asset], _ => ["orders-process-orders"], null, CancellationToken.None);

        var command = Assert.Single(commands);
        var output = Argument(command, "-o");
        Assert.Equal(
            ["publish", Path.Combine(Source, "Orders.Functions.csproj"), "-c", "Release", "-r", "linux-x64", "--no-self-contained", "-p:PublishAot=false",
             "-o", output, "--artifacts-path", Argument(command, "--artifacts-path"), "-nodeReuse:false", "-getProperty:TargetName"],
            command.Arguments);
        Assert.StartsWith(Path.Combine(Cache, "build") + Path.DirectorySeparatorChar, Argument(command, "--artifacts-path"), StringComparison.Ordinal);
        var build = Assert.Single(result.Builds);
        Assert.Equal(LocalBuildKind.DotnetJit, build.Kind);
        Assert.Equal(Path.Combine(Cache, build.Hash), result[asset.S3Key].Directory);
        Assert.Equal(["Orders.Functions.dll", "Orders.Functions.pdb", "bootstrap"], Directory.GetFiles(result[asset.S3Key].Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(output), "the publish folder is moved into place");
        Assert.Equal(
            [$"orders-process-orders: the project in '{Source}' publishes with Native AOT, but clang (the linker Native AOT needs) is not on PATH; it runs locally as a JIT build for linux-x64."],
            result.Notices);
    }

    [Fact]
    public async Task AotProjectWithClang_IsPublishedWithNativeAot_WithoutNotice()
    {
        var asset = FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", nativeAot: true);

        var result = await Builder(WithClang, Publishes("bootstrap", ["bootstrap"])).BuildAsync([asset], _ => ["f"], null, CancellationToken.None);

        Assert.Contains("--self-contained", commands[0].Arguments);
        Assert.Contains("-p:PublishAot=true", commands[0].Arguments);
        Assert.Equal(LocalBuildKind.DotnetNativeAot, result.Builds[0].Kind);
        Assert.Empty(result.Notices);
    }

    [Fact]
    public async Task UnchangedSources_AreTakenFromTheCache_ChangedOnesBuiltIntoANewFolder()
    {
        var asset = FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", nativeAot: false);
        var progress = new List<LocalBuildProgress>();
        var first = await Builder(WithoutClang, Publishes("bootstrap", ["bootstrap"])).BuildAsync([asset], _ => ["f"], new Recorder(progress), CancellationToken.None);

        var again = await Builder(WithoutClang, Publishes("bootstrap", ["bootstrap"])).BuildAsync([asset], _ => ["f"], new Recorder(progress), CancellationToken.None);
        folder.Write("functions/Orders/OrderHandlers.cs", "class OrderHandlers { int x; }");
        var changed = await Builder(WithoutClang, Publishes("bootstrap", ["bootstrap"])).BuildAsync([asset], _ => ["f"], new Recorder(progress), CancellationToken.None);

        Assert.Equal(2, commands.Count);
        Assert.True(again.Builds[0].FromCache);
        Assert.Equal(first[asset.S3Key], again[asset.S3Key]);
        Assert.NotEqual(first[asset.S3Key], changed[asset.S3Key]);
        Assert.Equal(
            [LocalBuildStage.Building, LocalBuildStage.Built, LocalBuildStage.Cached, LocalBuildStage.Building, LocalBuildStage.Built],
            progress.Select(p => p.Stage));
    }

    [Fact]
    public void TheHash_CoversTheRuntimeIdentifierTheBuildKindAndTheGeneratedFiles()
    {
        var asset = FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", nativeAot: true);
        var builder = Builder(WithoutClang, Publishes("bootstrap", ["bootstrap"]));
        var jit = builder.HashOf(asset, LocalBuildKind.DotnetJit);

        var aot = builder.HashOf(asset, LocalBuildKind.DotnetNativeAot);
        var arm = Builder(new LocalToolchain("linux-arm64", false), Publishes("bootstrap", ["bootstrap"])).HashOf(asset, LocalBuildKind.DotnetJit);
        var generated = builder.HashOf(
            FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", nativeAot: true, new Dictionary<string, string> { ["StelvioResources.process-orders.g.cs"] = "// generated, with a new link" }),
            LocalBuildKind.DotnetJit);
        // Another app's access file in the folder is not this asset's: it leaves the hash as it was.
        folder.Write("functions/Orders/StelvioResources.other-app-function.g.cs", "// another app's");
        var otherApp = builder.HashOf(asset, LocalBuildKind.DotnetJit);

        Assert.Equal(4, new HashSet<string>([jit, aot, arm, generated]).Count);
        Assert.Equal(jit, otherApp);
    }

    [Fact]
    public async Task TwoAssetsOfOneFolder_AreBuiltOnceForTheHost()
    {
        var x64 = FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", nativeAot: false);
        var arm = FunctionAsset.For(AssetKind.DotnetProject, Source, "arm64", nativeAot: false);

        var result = await Builder(WithoutClang, Publishes("bootstrap", ["bootstrap"])).BuildAsync([x64, arm], _ => ["f"], null, CancellationToken.None);

        Assert.Single(commands);
        Assert.Equal(result[x64.S3Key], result[arm.S3Key]);
        Assert.Equal(2, result.Count);
    }

    [Fact]
    public async Task FailedPublish_ThrowsWithTheOutputTail_AndLeavesNoFolder()
    {
        var builder = Builder(WithoutClang, (command, _) =>
        {
            commands.Add(command);
            return Task.FromResult(new ProcessOutcome(1, ["OrderHandlers.cs(3,5): error CS1002: ; expected"]));
        });

        var error = await Assert.ThrowsAsync<AssetBuildException>(() =>
            builder.BuildAsync([FunctionAsset.For(AssetKind.DotnetProject, Source, "x86_64", false)], _ => ["f"], null, CancellationToken.None));

        Assert.StartsWith($"Function code in '{Source}': dotnet publish for the local cloud failed with exit code 1.", error.Message);
        Assert.EndsWith("OrderHandlers.cs(3,5): error CS1002: ; expected", error.Message);
        Assert.Equal(["build"], Directory.GetDirectories(Cache).Select(Path.GetFileName));
    }

    [Fact]
    public async Task PythonApp_IsCopiedWithItsAccessFile_AndRebuiltForOneFolder()
    {
        folder.Write("functions/orders.py", "def process_changes(event, context):\n    pass\n");
        folder.Write("functions/__pycache__/orders.cpython-312.pyc", "cache");
        var synth = StelvioApp.Declare("shop", "test", app =>
        {
            var users = new DynamoTable("users", new() { Fields = { ["user_id"] = "string" }, PartitionKey = "user_id" });
            new Function("process-user", new() { Handler = "functions/orders.process_changes", Runtime = "python3.12", Links = [users] });
        }, folder.Path).Synth();
        var asset = Assert.Single(synth.Assets);

        var built = await LocalBuild.BuildAsync(synth, null, CancellationToken.None);
        folder.Write("functions/orders.py", "def process_changes(event, context):\n    return 1\n");
        var rebuilt = await LocalBuild.RebuildAsync(synth, Path.Combine(folder.Path, "functions"), null, CancellationToken.None);

        var code = built[asset.S3Key].Directory;
        Assert.StartsWith(Path.Combine(folder.Path, ".stelvio", "local") + Path.DirectorySeparatorChar, code, StringComparison.Ordinal);
        Assert.Equal(["orders.py", "stlv_resources_process_user.py"], Directory.GetFiles(code).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("STLV_USERS_TABLE_NAME", File.ReadAllText(Path.Combine(code, "stlv_resources_process_user.py")), StringComparison.Ordinal);
        Assert.Equal(LocalBuildKind.Python, built.Builds[0].Kind);
        Assert.NotEqual(code, rebuilt[asset.S3Key].Directory);
        Assert.Contains("return 1", File.ReadAllText(Path.Combine(rebuilt[asset.S3Key].Directory, "orders.py")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RebuildOfAFolderWithoutFunctions_SaysWhichFoldersHaveSome()
    {
        folder.Write("functions/orders.py", "def handler(event, context):\n    pass\n");
        var synth = StelvioApp.Declare("shop", "test", app => new Function("f", new() { Handler = "functions/orders.handler", Runtime = "python3.12" }), folder.Path).Synth();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => LocalBuild.RebuildAsync(synth, Path.Combine(folder.Path, "elsewhere"), null, CancellationToken.None));

        Assert.StartsWith($"No function of app 'shop' has its code in '{Path.Combine(folder.Path, "elsewhere")}'. Function folders: {Path.Combine(folder.Path, "functions")}.", error.Message);
    }

    private LocalBuilder Builder(LocalToolchain toolchain, RunProcess run) => new(Cache, toolchain, run);

    private static string Argument(ProcessCommand command, string name) => command.Arguments[command.Arguments.ToList().IndexOf(name) + 1];

    /// <summary>A stand-in for <c>dotnet publish</c>: records the command, writes the files into its <c>-o</c> folder and prints the target name last.</summary>
    private RunProcess Publishes(string targetName, string[] files) => (command, _) =>
    {
        commands.Add(command);
        var output = Argument(command, "-o");
        foreach (var file in files)
        {
            var path = Path.Combine(output, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "content of " + file);
        }

        return Task.FromResult(new ProcessOutcome(0, ["Restored.", targetName]));
    };

    private sealed class Recorder(List<LocalBuildProgress> into) : IProgress<LocalBuildProgress>
    {
        public void Report(LocalBuildProgress value) => into.Add(value);
    }
}
