using System.Collections.Concurrent;
using Amazon.DynamoDBv2.Model;
using Stelvio.DynamoDB.Local.Tests.Support;

namespace Stelvio.DynamoDB.Local.Tests.Server;

/// <summary>
/// The data directory's promise: a server killed with SIGKILL at any moment loses no acknowledged write and
/// leaves a directory the next server opens. Each round starts the server on the directory, checks every write
/// acknowledged so far, drives new writes from concurrent SDK clients, and kills the server mid-load.
/// </summary>
public sealed class KillTests : IDisposable
{
    private const string Table = "kill-test";
    private const int Rounds = 5;
    private const int Clients = 4;

    private readonly string _data = Path.Combine(Path.GetTempPath(), "stelvio-kill-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task A_server_killed_mid_load_keeps_every_acknowledged_write()
    {
        var present = new ConcurrentDictionary<string, long>();
        var deleted = new ConcurrentDictionary<string, bool>();
        var lastAcknowledged = new long[Clients];
        var lastAttempted = new long[Clients];
        var random = new Random(7);
        var totalAcknowledged = 0;

        for (var round = 0; round <= Rounds; round++)
        {
            using var server = await ServerProcess.StartAsync("--data", _data);
            using var client = server.Client();
            if (round == 0)
            {
                await client.CreateTableAsync(new CreateTableRequest
                {
                    TableName = Table,
                    AttributeDefinitions = [new("pk", "S")],
                    KeySchema = [new("pk", "HASH")],
                    BillingMode = "PAY_PER_REQUEST",
                });
            }

            await VerifyAsync(client, present, deleted, lastAcknowledged, lastAttempted);
            if (round == Rounds)
            {
                break;
            }

            using var stop = new CancellationTokenSource();
            var acknowledgedBefore = totalAcknowledged;
            var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writers = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
            {
                var mine = new List<string>();
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        if (i % 5 == 4)
                        {
                            var value = ++lastAttempted[c];
                            await client.PutItemAsync(Table, new() { ["pk"] = new($"last-{c}"), ["v"] = new() { N = value.ToString() } });
                            lastAcknowledged[c] = value;
                        }
                        else if (i % 7 == 6 && mine.Count > 0)
                        {
                            var key = mine[^1];
                            mine.RemoveAt(mine.Count - 1);
                            // Until acknowledged, the deletion may or may not survive the kill: the key is checked neither way.
                            present.TryRemove(key, out _);
                            await client.DeleteItemAsync(Table, new() { ["pk"] = new(key) });
                            deleted[key] = true;
                        }
                        else
                        {
                            var key = $"r{round}-c{c}-{i}";
                            await client.PutItemAsync(Table, new() { ["pk"] = new(key), ["v"] = new() { N = i.ToString() } });
                            present[key] = i;
                            mine.Add(key);
                        }
                        if (Interlocked.Increment(ref totalAcknowledged) >= acknowledgedBefore + Clients)
                        {
                            loaded.TrySetResult();
                        }
                    }
                    catch (Exception) when (stop.IsCancellationRequested)
                    {
                        return;
                    }
                }
            })).ToList();

            // Kill at a random moment once the load runs (the first calls of a client are slow to start).
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await Task.Delay(random.Next(50, 600));
            stop.Cancel();
            server.Kill();
            await Task.WhenAll(writers);
        }

        Assert.True(totalAcknowledged > Rounds * 10, $"Only {totalAcknowledged} writes were acknowledged: the load did not run.");
    }

    private static async Task VerifyAsync(
        Amazon.DynamoDBv2.AmazonDynamoDBClient client,
        ConcurrentDictionary<string, long> present,
        ConcurrentDictionary<string, bool> deleted,
        long[] lastAcknowledged,
        long[] lastAttempted)
    {
        foreach (var (key, value) in present)
        {
            var item = (await client.GetItemAsync(new GetItemRequest(Table, new() { ["pk"] = new(key) }) { ConsistentRead = true })).Item;
            Assert.True(item is { Count: > 0 }, $"Acknowledged item {key} is missing after the kill.");
            Assert.Equal(value.ToString(), item["v"].N);
        }
        foreach (var key in deleted.Keys)
        {
            var item = (await client.GetItemAsync(new GetItemRequest(Table, new() { ["pk"] = new(key) }) { ConsistentRead = true })).Item;
            Assert.True(item is null or { Count: 0 }, $"Item {key}, whose deletion was acknowledged, is back after the kill.");
        }
        for (var c = 0; c < Clients; c++)
        {
            if (lastAcknowledged[c] == 0)
            {
                continue;
            }
            var item = (await client.GetItemAsync(new GetItemRequest(Table, new() { ["pk"] = new($"last-{c}") }) { ConsistentRead = true })).Item;
            var value = long.Parse(item["v"].N);
            Assert.InRange(value, lastAcknowledged[c], lastAttempted[c]);
            // The next round counts on from what the table holds.
            lastAcknowledged[c] = lastAttempted[c] = value;
        }
    }
}
