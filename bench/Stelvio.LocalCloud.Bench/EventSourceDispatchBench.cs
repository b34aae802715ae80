using System.Diagnostics;
using System.Text;
using Stelvio.DynamoDB.Local;
using Stelvio.LocalCloud.EventSources;
using Stelvio.LocalCloud.Lambda;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Bench;

/// <summary>
/// The event source mappings' own cost, with an in-process function (no process, no Runtime API): the latency from a
/// PutItem's acknowledgement to the invoker's call (p50, p99), one write at a time, and the records per second through
/// one mapping with BatchSize 100 (with and without a filter).
/// </summary>
internal static class EventSourceDispatchBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start, .NET {Environment.Version}");
        var writes = quick ? 500 : 5000;
        await LatencyAsync(writes);
        await ThroughputAsync(quick ? 5_000 : 50_000, []);
        await ThroughputAsync(quick ? 5_000 : 50_000, ["{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"n\":{\"N\":[{\"prefix\":\"1\"}]}}}}"]);
        return 0;
    }

    private static async Task LatencyAsync(int writes)
    {
        using var engine = new DynamoEngine();
        var streamArn = CreateTable(engine);
        var invoker = new SignallingInvoker();
        await using var mappings = Start(engine, streamArn, invoker, batchSize: 100, []);
        var latencies = new double[writes];
        for (var i = -200; i < writes; i++)
        {
            var called = invoker.Next();
            Put(engine, i);
            var acknowledged = Stopwatch.GetTimestamp();
            var at = await called;
            if (i >= 0)
            {
                latencies[i] = Stopwatch.GetElapsedTime(acknowledged, at).TotalMilliseconds;
            }
        }
        Array.Sort(latencies);
        Console.WriteLine($"dispatch latency, PutItem acknowledged → invoker called ({writes} writes, one at a time, warm): p50 {Percentile(latencies, 0.50):F3} ms, p99 {Percentile(latencies, 0.99):F3} ms, max {latencies[^1]:F3} ms");
    }

    private static async Task ThroughputAsync(int records, IReadOnlyList<string> filters)
    {
        using var engine = new DynamoEngine();
        var streamArn = CreateTable(engine);
        var invoker = new SignallingInvoker();
        await using var mappings = Start(engine, streamArn, invoker, batchSize: 100, filters);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < records; i++)
        {
            Put(engine, i);
        }
        var written = watch.Elapsed;
        await mappings.WhenIdleAsync(CancellationToken.None);
        var total = watch.Elapsed;
        Console.WriteLine(
            $"throughput, one mapping, BatchSize 100{(filters.Count > 0 ? ", with a filter" : "")}: {records} records in {total.TotalMilliseconds:F0} ms "
            + $"({records / total.TotalSeconds:F0} records/s end to end; writes alone {records / written.TotalSeconds:F0}/s), "
            + $"{invoker.Calls} invocations with {invoker.Records} records");
    }

    private static EventSourceMappings Start(DynamoEngine engine, string streamArn, IFunctionInvoker invoker, int batchSize, IReadOnlyList<string> filters)
    {
        var function = new LocalFunction("Handler", "handler", "arn:aws:lambda:us-east-1:000000000000:function:handler", "provided.al2023",
            "bootstrap", 128, TimeSpan.FromSeconds(3), "x86_64", new Dictionary<string, string>(), "arn:aws:iam::000000000000:role/r", "code", null);
        var mapping = new LocalEventSourceMapping("Subscription", Guid.NewGuid().ToString(), "handler", streamArn, "LATEST", null, batchSize,
            TimeSpan.Zero, -1, null, false, false, 1, true, filters, null, null);
        var mappings = new EventSourceMappings(engine, [mapping], [function], invoker, new EventSourceOptions());
        mappings.Start();
        return mappings;
    }

    private static string CreateTable(DynamoEngine engine)
    {
        engine.Invoke("CreateTable", """
            {"TableName":"orders","BillingMode":"PAY_PER_REQUEST",
             "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
             "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"}}
            """u8);
        var described = Encoding.UTF8.GetString(engine.Invoke("DescribeTable", """{"TableName":"orders"}"""u8));
        var at = described.IndexOf("\"LatestStreamArn\":\"", StringComparison.Ordinal) + 19;
        return described[at..described.IndexOf('"', at)];
    }

    private static void Put(DynamoEngine engine, int i) =>
        engine.Invoke("PutItem", Encoding.UTF8.GetBytes($"{{\"TableName\":\"orders\",\"Item\":{{\"id\":{{\"S\":\"o{i}\"}},\"n\":{{\"N\":\"{i}\"}},\"note\":{{\"S\":\"an order\"}}}}}}"));

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>Answers at once; records when it was called.</summary>
    private sealed class SignallingInvoker : IFunctionInvoker
    {
        private TaskCompletionSource<long> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls { get; private set; }

        public int Records { get; private set; }

        public Task<long> Next()
        {
            _next = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _next.Task;
        }

        public Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
        {
            var at = Stopwatch.GetTimestamp();
            Calls++;
            Records += request.Trigger.RecordCount;
            _next.TrySetResult(at);
            return Task.FromResult(new InvocationResult(Guid.NewGuid().ToString(), request.FunctionName, request.Trigger, "null"u8.ToArray(), null, "",
                DateTimeOffset.UtcNow, TimeSpan.Zero, false, null));
        }
    }
}
