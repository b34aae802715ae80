using System.Diagnostics;

namespace Stelvio.DynamoDB.Local.Bench;

/// <summary>Per-operation latencies of one run, and the figures printed from them.</summary>
internal sealed class Latencies
{
    private readonly List<long> _ticks = [];
    private readonly Lock _gate = new();

    public void AddRange(List<long> ticks)
    {
        lock (_gate)
        {
            _ticks.AddRange(ticks);
        }
    }

    public int Count => _ticks.Count;

    public double Percentile(double p)
    {
        _ticks.Sort();
        return _ticks.Count == 0 ? 0 : _ticks[Math.Min(_ticks.Count - 1, (int)(p * _ticks.Count))] * 1_000_000.0 / Stopwatch.Frequency;
    }

    /// <summary>Runs <paramref name="operation"/> on <paramref name="clients"/> concurrent workers for <paramref name="duration"/>; returns ops/s.</summary>
    public static async Task<(double PerSecond, Latencies Latencies)> RunAsync(int clients, TimeSpan duration, Func<int, long, Task> operation)
    {
        var latencies = new Latencies();
        var stop = Stopwatch.StartNew();
        var total = 0L;
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = new List<long>(1 << 16);
            var n = 0L;
            while (stop.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                await operation(client, n++);
                mine.Add(Stopwatch.GetTimestamp() - start);
            }
            Interlocked.Add(ref total, n);
            latencies.AddRange(mine);
        })).ToArray();
        await Task.WhenAll(workers);
        return (total / stop.Elapsed.TotalSeconds, latencies);
    }

    /// <summary>Same, with threads that block (for synchronous storage calls).</summary>
    public static (double PerSecond, Latencies Latencies) RunThreads(int clients, TimeSpan duration, Action<int, long> operation)
    {
        var latencies = new Latencies();
        var stop = Stopwatch.StartNew();
        var total = 0L;
        var threads = Enumerable.Range(0, clients).Select(client => new Thread(() =>
        {
            var mine = new List<long>(1 << 16);
            var n = 0L;
            while (stop.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                operation(client, n++);
                mine.Add(Stopwatch.GetTimestamp() - start);
            }
            Interlocked.Add(ref total, n);
            latencies.AddRange(mine);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return (total / stop.Elapsed.TotalSeconds, latencies);
    }

    public static void Print(string label, double perSecond, Latencies latencies, string extra = "") =>
        Console.WriteLine($"{label,-58} {perSecond,10:N0} ops/s  p50 {latencies.Percentile(0.50),8:N1} µs  p99 {latencies.Percentile(0.99),9:N1} µs{extra}");
}
