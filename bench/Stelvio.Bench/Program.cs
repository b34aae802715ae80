using System.Diagnostics;
using BenchmarkDotNet.Running;
using Stelvio.Bench;

// dotnet run -c Release --project bench/Stelvio.Bench              -> BenchmarkDotNet, all benchmarks
// dotnet run -c Release --project bench/Stelvio.Bench -- --quick   -> a plain timed run (warm-up, then 20 runs), in seconds
if (args.Contains("--quick"))
{
    const int Tables = 1_000;
    const int Runs = 20;
    for (var i = 0; i < 3; i++)
    {
        _ = LargeApp.Declare(Tables).Synth().TemplateBytes;
    }

    var total = new List<double>();
    var declare = new List<double>();
    var synth = new List<double>();
    var write = new List<double>();
    var size = 0;
    var resources = 0;
    for (var i = 0; i < Runs; i++)
    {
        var watch = Stopwatch.StartNew();
        var app = LargeApp.Declare(Tables);
        var declared = watch.Elapsed.TotalMilliseconds;
        var result = app.Synth();
        var synthesized = watch.Elapsed.TotalMilliseconds;
        size = result.TemplateBytes.Length;
        var written = watch.Elapsed.TotalMilliseconds;
        resources = result.Template.Resources.Count;
        total.Add(written);
        declare.Add(declared);
        synth.Add(synthesized - declared);
        write.Add(written - synthesized);
    }

    Console.WriteLine($"Declare + synth + write of {Tables:N0} tables ({resources:N0} resources, {size:N0} bytes), {Runs} runs, ms:");
    Print("total", total);
    Print("  declare", declare);
    Print("  synth", synth);
    Print("  write", write);
    return 0;

    static void Print(string label, List<double> times)
    {
        times.Sort();
        Console.WriteLine($"{label,-10} min {times[0],7:F1}  median {times[times.Count / 2],7:F1}  max {times[^1],7:F1}");
    }
}

BenchmarkSwitcher.FromAssembly(typeof(SynthBenchmarks).Assembly).Run(args);
return 0;
