using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Stelvio.Aws.DynamoDB;
using Stelvio.Testing;

namespace Stelvio.LocalCloud.Bench;

/// <summary>
/// End to end through the whole local cloud (Stelvio.Testing's LocalCloud): a PutItem through the AWS SDK, acknowledged,
/// to the subscribed handler's invocation starting (<c>StartedAt</c>: the event assigned to the function's warm process),
/// one write at a time, warm; for a Python handler and the example's C# handler (examples/Orders, built for this machine).
/// </summary>
internal static class EndToEndLatencyBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var writes = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 300;
        var python = Directory.CreateTempSubdirectory("stelvio-bench-e2e-");
        Directory.CreateDirectory(Path.Combine(python.FullName, "functions"));
        File.WriteAllText(Path.Combine(python.FullName, "functions", "orders.py"),
            "def process_changes(event, context):\n    for record in event.get('Records', []):\n        print(record['eventName'])\n");
        Console.WriteLine($"e2e-latency: {writes} PutItems per handler, one at a time, warm; {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        // Negative: the invocation started before the client had read the acknowledgement (the commit wakes the mapping).
        Console.WriteLine("| handler | ack → start p50 ms | ack → start p99 ms | ack → start max ms | sent → start p50 ms | sent → start p99 ms | PutItem round trip p50 ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        try
        {
            await MeasureAsync("python3.12 (process_changes)", writes, "bench", app =>
            {
                var orders = new DynamoTable("orders", new()
                {
                    Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
                    PartitionKey = "customer_id",
                    SortKey = "order_date",
                    Stream = StreamView.NewAndOldImages,
                });
                orders.Subscribe("process-orders", new Aws.Lambda.FunctionConfig { Handler = "functions/orders.process_changes", Runtime = "python3.12" });
            }, new LocalCloudOptions { ProjectDirectory = python.FullName });
            await MeasureAsync("C# (examples/Orders ProcessChanges)", writes, Orders.OrdersApp.Name, Orders.OrdersApp.Declare, new LocalCloudOptions());
        }
        finally
        {
            python.Delete(recursive: true);
        }

        return 0;
    }

    private static async Task MeasureAsync(string label, int writes, string app, Action<StelvioApp> declare, LocalCloudOptions options)
    {
        await using var cloud = await Testing.LocalCloud.StartAsync(app, "bench", declare, options);
        using var db = cloud.CreateDynamoDBClient();
        var table = cloud.TableName("orders");
        var function = cloud.FunctionName("orders-process-orders");
        var latencies = new List<double>();
        var fromSend = new List<double>();
        var roundTrips = new List<double>();
        for (var i = -10; i < writes; i++)
        {
            var customer = $"c-{i + 10:D5}";
            var sentAt = DateTimeOffset.UtcNow;
            var sent = Stopwatch.GetTimestamp();
            await db.PutItemAsync(table, new Dictionary<string, AttributeValue>
            {
                ["customer_id"] = new() { S = customer },
                ["order_date"] = new() { S = "2024-11-26" },
                ["status"] = new() { S = "pending" },
            });
            var acknowledged = DateTimeOffset.UtcNow;
            var roundTrip = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            await cloud.WhenIdleAsync(TimeSpan.FromSeconds(60));
            var invocation = cloud.Invocations.Last(v => v.Function == function && v.Event.Contains(customer, StringComparison.Ordinal));
            if (invocation.Error is not null)
            {
                throw new InvalidOperationException($"{label}: the handler failed: {invocation.Error.Message}");
            }

            if (i >= 0) // the first ten warm the processes and connections
            {
                latencies.Add((invocation.StartedAt - acknowledged).TotalMilliseconds);
                fromSend.Add((invocation.StartedAt - sentAt).TotalMilliseconds);
                roundTrips.Add(roundTrip);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {Percentile(latencies, 50):0.00} | {Percentile(latencies, 99):0.00} | {latencies.Max():0.00} | {Percentile(fromSend, 50):0.00} | {Percentile(fromSend, 99):0.00} | {Percentile(roundTrips, 50):0.00} |"));
    }

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
