using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Stelvio.Assets;
using Stelvio.Lambda.Tests.Support;

// Builds the example's C# functions (examples/Orders/functions/Orders) with Stelvio's AssetBuilder, with and
// without Native AOT, and times the bootstrap from process start to its first GET /next (init done) and to its
// first response (first invocation done) against a fake Runtime API on loopback.
// With --extra it also publishes variants that the project could opt into (not what AssetBuilder does by default)
// directly with dotnet publish, zipped with ZipFile for an approximate size.
// Usage: dotnet run -c Release --project bench/Stelvio.Lambda.Startup -- [runs=15] [--extra]
var runs = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 15;
var extra = args.Contains("--extra");
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
    results.Add(await MeasureAsync(Label(aot), built.Size, extracted, runs));
    Directory.Delete(extracted, recursive: true);
}

if (extra)
{
    foreach (var (label, properties) in new (string, string[])[]
    {
        ("Native AOT, OptimizationPreference=Size", ["-p:PublishAot=true", "-p:OptimizationPreference=Size"]),
        ("JIT, ReadyToRun", ["-p:PublishAot=false", "-p:PublishReadyToRun=true"]),
        ("JIT, ReadyToRun + trimmed", ["-p:PublishAot=false", "-p:PublishReadyToRun=true", "-p:PublishTrimmed=true"]),
    })
    {
        var folder = Path.Combine(Path.GetTempPath(), "stelvio-startup-" + Guid.NewGuid().ToString("N"));
        var publish = new ProcessStartInfo("dotnet", ["publish", source, "-c", "Release", "-r", "linux-x64", "--self-contained", "-o", folder, "-nodeReuse:false", .. properties])
        {
            RedirectStandardOutput = true,
        };
        var watch = Stopwatch.StartNew();
        using (var process = Process.Start(publish)!)
        {
            var log = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(log);
            }
        }

        foreach (var symbols in Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".pdb", StringComparison.Ordinal) || f.EndsWith(".dbg", StringComparison.Ordinal)))
        {
            File.Delete(symbols);
        }

        Console.WriteLine($"{label}: published in {watch.Elapsed.TotalSeconds:F1} s");
        var zip = folder + ".zip";
        ZipFile.CreateFromDirectory(folder, zip, CompressionLevel.Optimal, includeBaseDirectory: false);
        results.Add(await MeasureAsync(label, new FileInfo(zip).Length, folder, runs));
        File.Delete(zip);
        Directory.Delete(folder, recursive: true);
    }
}

Console.WriteLine();
Console.WriteLine("| variant | zip | unzipped | start → first GET /next, ms median (min–max) | start → first response, ms median (min–max) | CPU to first response, ms median | peak RSS |");
Console.WriteLine("|---|---|---|---|---|---|---|");
results.ForEach(Console.WriteLine);
return 0;

static async Task<string> MeasureAsync(string label, long zipSize, string folder, int runs)
{
    var unzipped = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
    var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count();

    // One warm-up run so that the page cache holds the files, as on a warm Lambda host.
    await StartOnceAsync(folder);
    var samples = new List<Sample>();
    for (var i = 0; i < runs; i++)
    {
        samples.Add(await StartOnceAsync(folder));
    }

    return $"| {label} | {Mb(zipSize)} | {Mb(unzipped)} ({files} files) | {Median(samples.Select(s => s.Init))} ({Min(samples.Select(s => s.Init))}–{Max(samples.Select(s => s.Init))}) " +
        $"| {Median(samples.Select(s => s.FirstResponse))} ({Min(samples.Select(s => s.FirstResponse))}–{Max(samples.Select(s => s.FirstResponse))}) | {Median(samples.Select(s => s.Cpu))} | {samples.Select(s => s.PeakRssKb).Order().ElementAt(samples.Count / 2) / 1024.0:F1} MB |";
}

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
    var cpu = CpuTime(process.Id);
    process.Kill();
    await process.WaitForExitAsync();
    return new Sample(Stopwatch.GetElapsedTime(start, initDone), Stopwatch.GetElapsedTime(start, responded), rss, cpu);
}

// CPU time the process has used so far, over all its threads (the first field of /proc/{pid}/task/*/schedstat,
// in nanoseconds): less disturbed than wall time by other load on the machine.
static TimeSpan CpuTime(int pid)
{
    long nanoseconds = 0;
    foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
    {
        try
        {
            nanoseconds += long.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            // The thread ended meanwhile.
        }
    }

    return TimeSpan.FromTicks(nanoseconds / 100);
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

internal sealed record Sample(TimeSpan Init, TimeSpan FirstResponse, long PeakRssKb, TimeSpan Cpu);

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
