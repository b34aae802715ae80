using System.Diagnostics;
using System.Globalization;
using System.Text;
using Stelvio.LocalCloud.Lambda;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Bench;

/// <summary>
/// <see cref="LambdaService.InvokeAsync"/> latency, caller to caller: warm invocations one after another (p50, p99),
/// and cold starts (a new service each, so a new process and Runtime API), for a Python function and for C# bootstraps.
/// </summary>
internal static class InvokeLatencyBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && int.TryParse(a, CultureInfo.InvariantCulture, out _)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
        var warm = numbers.Count > 0 ? numbers[0] : 500;
        var cold = numbers.Count > 1 ? numbers[1] : 20;
        var bootstrapIndex = Array.IndexOf(args, "--bootstrap");
        var python = Directory.CreateTempSubdirectory("stelvio-bench-python-");
        File.WriteAllText(Path.Combine(python.FullName, "app.py"), "def handler(event, context):\n    return {\"id\": event[\"id\"]}\n");

        var kinds = new List<(string Label, LocalFunction Function, string Directory)>
        {
            ("python3.12", Function("bench-python", "python3.12", "app.handler"), python.FullName),
            ("C# JIT (framework-dependent)", Function("bench-csharp", "provided.al2023", "TestHandlers.Echo"), Path.Combine(AppContext.BaseDirectory, "lambda-functions", "csharp")),
        };
        if (bootstrapIndex >= 0 && bootstrapIndex + 1 < args.Length)
        {
            kinds.Add(("C# " + Path.GetFileName(Path.GetFullPath(args[bootstrapIndex + 1]).TrimEnd('/')), Function("bench-published", "provided.al2023", "TestHandlers.Echo"), args[bootstrapIndex + 1]));
        }

        Console.WriteLine($"invoke-latency: {warm} warm invocations, {cold} cold starts per kind; {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine("| function | warm p50 ms | warm p99 ms | warm max ms | cold start p50 ms | cold start p99 ms | init p50 ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (label, function, directory) in kinds)
        {
            var code = new Dictionary<string, FunctionCode> { [function.CodeKey] = new FunctionCode(directory) };
            var warmTimes = new List<double>();
            await using (var service = new LambdaService(new LambdaServiceOptions { Functions = [function], Code = code }))
            {
                await InvokeAsync(service, function.Name, 0);
                for (var i = 0; i < Math.Min(50, warm); i++)
                {
                    await InvokeAsync(service, function.Name, i);
                }

                for (var i = 0; i < warm; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var result = await InvokeAsync(service, function.Name, i);
                    warmTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (result.ColdStart || result.Error is not null)
                    {
                        throw new InvalidOperationException($"{label}: a warm invocation was cold or failed: {result.Error}");
                    }
                }
            }

            var coldTimes = new List<double>();
            var initTimes = new List<double>();
            for (var i = 0; i < cold; i++)
            {
                await using var service = new LambdaService(new LambdaServiceOptions { Functions = [function], Code = code });
                var started = Stopwatch.GetTimestamp();
                var result = await InvokeAsync(service, function.Name, i);
                coldTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                initTimes.Add(result.InitDuration?.TotalMilliseconds ?? double.NaN);
                if (!result.ColdStart || result.Error is not null)
                {
                    throw new InvalidOperationException($"{label}: a cold start was warm or failed: {result.Error}");
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {Percentile(warmTimes, 50):0.00} | {Percentile(warmTimes, 99):0.00} | {warmTimes.Max():0.00} | {Percentile(coldTimes, 50):0.0} | {Percentile(coldTimes, 99):0.0} | {Percentile(initTimes, 50):0.0} |"));
        }

        python.Delete(recursive: true);
        return 0;
    }

    private static LocalFunction Function(string name, string runtime, string handler) => new(
        name, name, $"arn:aws:lambda:{LocalAccount.DefaultRegion}:{LocalAccount.Id}:function:{name}", runtime, handler, 128, TimeSpan.FromSeconds(30),
        "x86_64", new Dictionary<string, string>(), $"arn:aws:iam::{LocalAccount.Id}:role/{name}", name + ".zip", null);

    private static Task<InvocationResult> InvokeAsync(LambdaService service, string name, int i) =>
        service.InvokeAsync(new InvocationRequest(name, Encoding.UTF8.GetBytes($$"""{"id":"o-{{i}}"}"""), new InvocationTrigger("cli", "bench", 0)), CancellationToken.None);

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
