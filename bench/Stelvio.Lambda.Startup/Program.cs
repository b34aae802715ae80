using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Stelvio.Assets;
using Stelvio.Lambda.Tests.Support;

// Builds the example's C# functions (examples/Orders/functions/Orders) with Stelvio's AssetBuilder, with and
// without Native AOT, and times the bootstrap from process start to its first GET /next (init done) and to its
// first response (first invocation done) against a fake Runtime API on loopback.
// Usage: dotnet run -c Release --project bench/Stelvio.Lambda.Startup -- [runs=15]
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
var root = FindRepositoryRoot();
var source = Path.Combine(root, "examples", "Orders", "functions", "Orders");
var builder = new AssetBuilder(AssetBuilder.CacheDirectoryFor(Path.Combine(root, "examples", "Orders")));
Console.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {runs} runs per variant");
Console.WriteLine();

var results = new List<string>();
foreach (var aot in new[] { true, false })
{
    var asset = FunctionAsset.For(AssetKind.DotnetProject, source, "x86_64", aot);
    var watch = Stopwatch.StartNew();
    var built = await builder.BuildAsync(asset, CancellationToken.None);
    Console.WriteLine($"{Label(aot)}: {(built.FromCache ? "zip from cache" : $"built in {watch.Elapsed.TotalSeconds:F1} s")}: {built.ZipPath}");

    var extracted = Path.Combine(Path.GetTempPath(), $"stelvio-startup-{asset.Hash}");
    if (Directory.Exists(extracted))
    {
        Directory.Delete(extracted, recursive: true);
    }

    ZipFile.ExtractToDirectory(built.ZipPath, extracted);
    var unzipped = Directory.EnumerateFiles(extracted, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
    var files = Directory.EnumerateFiles(extracted, "*", SearchOption.AllDirectories).Count();

    // One warm-up run so that the page cache holds the files, as on a warm Lambda host.
    await StartOnceAsync(extracted);
    var samples = new List<Sample>();
    for (var i = 0; i < runs; i++)
    {
        samples.Add(await StartOnceAsync(extracted));
    }

    results.Add(
        $"| {Label(aot)} | {Mb(built.Size)} | {Mb(unzipped)} ({files} files) | {Median(samples.Select(s => s.Init))} ({Min(samples.Select(s => s.Init))}–{Max(samples.Select(s => s.Init))}) " +
        $"| {Median(samples.Select(s => s.FirstResponse))} ({Min(samples.Select(s => s.FirstResponse))}–{Max(samples.Select(s => s.FirstResponse))}) | {samples.Select(s => s.PeakRssKb).Order().ElementAt(samples.Count / 2) / 1024.0:F1} MB |");
    Directory.Delete(extracted, recursive: true);
}

Console.WriteLine();
Console.WriteLine("| variant | zip | unzipped | start → first GET /next, ms median (min–max) | start → first response, ms median (min–max) | peak RSS |");
Console.WriteLine("|---|---|---|---|---|---|");
results.ForEach(Console.WriteLine);
return 0;

static async Task<Sample> StartOnceAsync(string folder)
{
    await using var api = await FakeRuntimeApi.StartAsync();
    var requestId = api.Enqueue(InsertEvent);
    var info = new ProcessStartInfo(Path.Combine(folder, "bootstrap"))
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
        WorkingDirectory = folder,
    };
    info.Environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
    info.Environment["_HANDLER"] = "OrderHandlers.ProcessChanges";
    info.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "shop-bench-orders-process-orders";
    info.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512";

    var start = Stopwatch.GetTimestamp();
    using var process = Process.Start(info)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, _) => { };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    var initDone = await api.FirstNextRequest.WaitAsync(TimeSpan.FromSeconds(30));
    var outcome = await api.OutcomeAsync(requestId);
    var responded = Stopwatch.GetTimestamp();
    if (outcome.IsError)
    {
        throw new InvalidOperationException("The bootstrap reported an error: " + outcome.Body);
    }

    var rss = PeakRssKb(process.Id);
    process.Kill();
    await process.WaitForExitAsync();
    return new Sample(Stopwatch.GetElapsedTime(start, initDone), Stopwatch.GetElapsedTime(start, responded), rss);
}

static long PeakRssKb(int pid)
{
    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Stelvio.slnx")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (Stelvio.slnx not found above " + AppContext.BaseDirectory + ").");
}

static string Label(bool aot) => aot ? "Native AOT" : "JIT, self-contained";

static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:F1} MB";

static string Median(IEnumerable<TimeSpan> values) => $"{values.Order().ElementAt(values.Count() / 2).TotalMilliseconds:F0}";

static string Min(IEnumerable<TimeSpan> values) => $"{values.Min().TotalMilliseconds:F0}";

static string Max(IEnumerable<TimeSpan> values) => $"{values.Max().TotalMilliseconds:F0}";

internal sealed record Sample(TimeSpan Init, TimeSpan FirstResponse, long PeakRssKb);

internal static partial class Program
{
    private const string InsertEvent = """
        {"Records":[{"eventID":"c4ca4238a0b923820dcc509a6f75849b","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"us-east-1",
        "dynamodb":{"ApproximateCreationDateTime":1732579200,"Keys":{"customer_id":{"S":"c-100"},"order_date":{"S":"2024-11-26"}},
        "NewImage":{"customer_id":{"S":"c-100"},"order_date":{"S":"2024-11-26"},"status":{"S":"pending"},"total":{"N":"42.5"}},
        "SequenceNumber":"111100000000000000001","SizeBytes":78,"StreamViewType":"NEW_AND_OLD_IMAGES"},
        "eventSourceARN":"arn:aws:dynamodb:us-east-1:123456789012:table/shop-bench-orders/stream/2024-11-26T00:00:00.000"}]}
        """;
}
