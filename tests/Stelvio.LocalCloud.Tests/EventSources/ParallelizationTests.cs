using Stelvio.LocalCloud.EventSources;

namespace Stelvio.LocalCloud.Tests.EventSources;

public sealed class ParallelizationTests
{
    [Fact]
    public async Task Lanes_run_batches_concurrently_and_keep_each_partition_keys_records_in_order()
    {
        await using var fixture = new StreamFixture();
        for (var version = 0; version < 5; version++)
        {
            for (var key = 0; key < 8; key++)
            {
                fixture.Put($"k{key}", $"\"v\":{{\"N\":\"{version}\"}}");
            }
        }
        fixture.Invoker.Handler = async call =>
        {
            if (call.Index == 0)
            {
                // Only another lane can make a second call while this one is in flight.
                await fixture.Invoker.WhenCalls(2).WaitAsync(TimeSpan.FromSeconds(30));
            }
            await Task.Yield();
            return FakeInvoker.Answer.Ok();
        };
        var mappings = fixture.Start(fixture.Mapping() with { ParallelizationFactor = 4, BatchSize = 3 });
        await StreamFixture.Idle(mappings);

        var records = fixture.Invoker.Calls.SelectMany(c => c.Records).ToList();
        Assert.Equal(40, records.Count);
        foreach (var key in records.GroupBy(FakeInvoker.Call.Id))
        {
            var versions = key.Select(r => int.Parse(r.GetProperty("dynamodb").GetProperty("NewImage").GetProperty("v").GetProperty("N").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal([0, 1, 2, 3, 4], versions);
        }
        Assert.Equal(4, mappings.States.Single().Lanes.Count);
    }

    [Fact]
    public async Task A_failing_key_blocks_only_its_own_lane()
    {
        await using var fixture = new StreamFixture();
        var router = new PartitionRouter("id", 2);
        var keys = Enumerable.Range(0, 20).Select(i => $"k{i}").ToList();
        var blocked = keys.First(k => LaneOf(router, k) == 0);
        var free = keys.First(k => LaneOf(router, k) == 1);
        var release = new TaskCompletionSource<FakeInvoker.Answer>();
        fixture.Invoker.Handler = call => call.Ids.Contains(blocked) ? release.Task : Task.FromResult(FakeInvoker.Answer.Ok());
        fixture.Put(blocked);
        fixture.Put(free);
        var mappings = fixture.Start(fixture.Mapping() with { ParallelizationFactor = 2 });
        await fixture.Invoker.WhenCalls(2).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new[] { blocked, free }.Order(StringComparer.Ordinal), fixture.Invoker.Calls.SelectMany(c => c.Ids).Order(StringComparer.Ordinal));
        release.SetResult(FakeInvoker.Answer.Ok());
        await StreamFixture.Idle(mappings);
    }

    private static int LaneOf(PartitionRouter router, string id) => router.LaneOf(new DynamoDB.Local.Streams.StreamRecord
    {
        EventId = "e",
        EventName = "INSERT",
        AwsRegion = "us-east-1",
        StreamArn = "arn",
        TableName = "orders",
        ApproximateCreationDateTime = DateTimeOffset.UnixEpoch,
        Keys = new Dictionary<string, DynamoDB.Local.Model.AttributeValue> { ["id"] = DynamoDB.Local.Model.AttributeValue.FromString(id) },
        SizeBytes = 1,
        StreamViewType = DynamoDB.Local.Streams.StreamViewType.KEYS_ONLY,
    });
}
