using BenchmarkDotNet.Attributes;
using Spectre.Console;
using Stelvio.Assets;
using Stelvio.Aws.DynamoDB;
using Stelvio.Cli;
using Stelvio.Deploy.AssetPublishing;

namespace Stelvio.Deploy.Bench;

/// <summary>
/// Time spent in Stelvio's own code when deploying the example app (examples/Orders): synth, asset source
/// hashing, upload decisions, and whole <c>deploy</c> commands against an AWS that answers from memory
/// (so every change-set round trip and wait is excluded), first deploy and no-change deploy.
/// </summary>
[MemoryDiagnoser]
public class DeployBenchmarks
{
    private static readonly string[] DeployArgs = ["deploy", "--stage", "bench", "--yes"];
    private readonly IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(TextWriter.Null),
    });

    private string sources = "";
    private FunctionAsset[] assets = [];

    /// <summary>The example's table, as examples/Orders/OrdersApp.cs declares it.</summary>
    public static void Orders(StelvioApp app) => _ = new DynamoTable("orders", new()
    {
        Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string", ["total"] = FieldType.Number },
        PartitionKey = "customer_id",
        SortKey = "order_date",
        LocalIndexes = { ["status-index"] = new LocalIndex("status") },
        GlobalIndexes = { ["status-total-index"] = new GlobalIndex("status", "total") { Projections = "all" } },
        Stream = StreamView.NewAndOldImages,
    });

    [GlobalSetup]
    public void Setup()
    {
        // A function project's worth of sources: 40 files of 4 KiB in 4 folders, plus bin/obj that hashing skips.
        sources = Path.Combine(Path.GetTempPath(), "stelvio-bench-sources");
        if (!Directory.Exists(sources))
        {
            var random = new Random(42);
            foreach (var folder in new[] { "", "Handlers", "Model", "Data", "bin/Release", "obj" })
            {
                Directory.CreateDirectory(Path.Combine(sources, folder));
                for (var i = 0; i < 10; i++)
                {
                    var bytes = new byte[4096];
                    random.NextBytes(bytes);
                    File.WriteAllBytes(Path.Combine(sources, folder, $"File{i}.cs"), bytes);
                }
            }
        }

        assets = [.. Enumerable.Range(0, 10).Select(i => FunctionAsset.For(AssetKind.DotnetProject, sources, i % 2 == 0 ? "arm64" : "x86_64", i % 3 == 0))];
    }

    [Benchmark(Description = "synth the example (declare, synth, limits, template bytes)")]
    public int Synth() => StelvioApp.Declare("shop", "bench", Orders).Synth().EnsureWithinStackLimits().TemplateBytes.Length;

    [Benchmark(Description = "hash one function's sources (40 files, 160 KiB)")]
    public string HashSources() => FunctionAsset.For(AssetKind.DotnetProject, sources, "arm64", false).Hash;

    [Benchmark(Description = "upload decisions for 10 assets, all already in the bucket")]
    public async Task<int> UploadDecisions() =>
        (await new AssetPublisher(new NeverBuild(), new MemoryStore(holdsEverything: true)).PublishAsync("bucket", assets, null, CancellationToken.None)).Count;

    [Benchmark(Description = "deploy command, new stack (AWS answering from memory)")]
    public Task<int> FirstDeploy() => Deploy(stackExists: false);

    [Benchmark(Description = "deploy command, nothing changed (AWS answering from memory)")]
    public Task<int> NoChangeDeploy() => Deploy(stackExists: true);

    private async Task<int> Deploy(bool stackExists)
    {
        var services = new DeployServices
        {
            Environment = name => name switch
            {
                "AWS_ACCESS_KEY_ID" => "AKIDBENCH",
                "AWS_SECRET_ACCESS_KEY" => "secret",
                "AWS_REGION" => "us-east-1",
                _ => null,
            },
            HttpHandler = () => new InMemoryAws(stackExists),
            AssetStore = _ => new MemoryStore(holdsEverything: true),
            PollInterval = TimeSpan.Zero,
        };
        var code = await StelvioCli.RunAsync(DeployArgs, new AppDefinition("shop", Orders, Path.GetTempPath()), console, services);
        return code == 0 ? code : throw new InvalidOperationException($"deploy exited {code}");
    }
}

/// <summary>An asset builder for benchmarks where every asset is already in the bucket.</summary>
internal sealed class NeverBuild : Stelvio.Assets.IAssetBuilder
{
    public Task<Stelvio.Assets.BuiltAsset> BuildAsync(Stelvio.Assets.FunctionAsset asset, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The benchmark's bucket holds every asset; nothing is built.");
}
