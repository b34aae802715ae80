using System.Text;

namespace Stelvio.DynamoDB.Local.Bench;

/// <summary>The engine without HTTP: <see cref="DynamoEngine.Invoke"/> with prepared bodies, and memory per stored item.</summary>
internal static class InProcessBench
{
    public static void Run(TimeSpan duration)
    {
        using var engine = new DynamoEngine();
        engine.Invoke("CreateTable", Encoding.UTF8.GetBytes(Workload.CreateTableJson));
        foreach (var body in Workload.SeedPuts())
        {
            engine.Invoke("PutItem", body);
        }
        Console.WriteLine($"In-process (DynamoEngine.Invoke, JSON in and out, no HTTP), {duration.TotalSeconds:F0} s per run");
        foreach (var clients in new[] { 1, 8 })
        {
            foreach (var operation in Workload.Operations)
            {
                var prepared = Workload.Prepared(operation);
                Latencies.RunThreads(clients, TimeSpan.FromMilliseconds(300), (c, n) => engine.Invoke(operation, prepared[(n * 8 + c) % prepared.Length]));
                var (perSecond, latencies) = Latencies.RunThreads(clients, duration, (c, n) => engine.Invoke(operation, prepared[(n * 8 + c) % prepared.Length]));
                Latencies.Print($"  {operation}, {clients} thread(s)", perSecond, latencies);
            }
        }
    }

    /// <summary>Heap bytes per stored item of about 1 KB (as DynamoDB counts it), for a binary and a string payload.</summary>
    public static void Memory()
    {
        Console.WriteLine("Memory per stored ~1 KB item (100,000 items, managed heap after a full GC):");
        foreach (var kind in new[] { "B", "S" })
        {
            using var engine = new DynamoEngine();
            engine.Invoke("CreateTable", Encoding.UTF8.GetBytes("""{"TableName":"mem","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}"""));
            const int Items = 100_000;
            var payload = kind == "B" ? Convert.ToBase64String(Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray()) : new string('x', 1000);
            var before = GC.GetTotalMemory(forceFullCollection: true);
            for (var i = 0; i < Items; i++)
            {
                engine.Invoke("PutItem", Encoding.UTF8.GetBytes($$$$"""{"TableName":"mem","Item":{"pk":{"S":"item-{{{{i:D8}}}}"},"n":{"N":"{{{{i}}}}"},"d":{"{{{{kind}}}}":"{{{{payload}}}}"}}}"""));
            }
            var after = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(engine);
            Console.WriteLine($"  1,000-byte {(kind == "B" ? "binary" : "ASCII string")} attribute + key + number (≈1,020 bytes as DynamoDB counts): {(after - before) / (double)Items,8:N0} bytes per item");
        }
    }
}
