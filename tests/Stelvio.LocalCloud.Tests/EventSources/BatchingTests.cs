using Microsoft.Extensions.Time.Testing;
using Stelvio.LocalCloud.EventSources;

namespace Stelvio.LocalCloud.Tests.EventSources;

public sealed class BatchingTests
{
    [Fact]
    public async Task A_batching_window_waits_to_fill_the_batch_and_sends_what_it_has_when_it_ends()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var fixture = new StreamFixture(time: time);
        var window = TimeSpan.FromSeconds(300);
        var mappings = fixture.Start(fixture.Mapping() with { StartingPosition = "LATEST", BatchSize = 2, MaximumBatchingWindow = window });

        fixture.Put("a");
        await WhenGathering(mappings);
        fixture.Put("b");
        await fixture.Invoker.WhenCalls(1).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["a", "b"], fixture.Invoker.Calls[0].Ids);

        fixture.Put("c");
        await WhenGathering(mappings);
        Assert.Single(fixture.Invoker.Calls);
        time.Advance(window);
        await StreamFixture.Idle(mappings);
        Assert.Equal([["a", "b"], ["c"]], fixture.Invoker.Calls.Select(c => c.Ids));
    }

    [Fact]
    public async Task A_batch_stops_before_Lambdas_6_MB_payload_limit()
    {
        var queue = new LaneQueue();
        var big = new string('x', 1024 * 1024);
        var records = Enumerable.Range(0, 8).Select(i => new PendingRecord(null!, System.Text.Encoding.UTF8.GetBytes($"{{\"d\":\"{big}\"}}"))).ToList();
        queue.Add(records);
        var batcher = new RecordBatcher(queue, 100, TimeSpan.Zero, TimeProvider.System);

        var first = await batcher.NextAsync(_ => { }, CancellationToken.None);
        var second = await batcher.NextAsync(_ => { }, CancellationToken.None);

        Assert.Equal(5, first.Count);
        Assert.True(StreamEventJson.Batch(first).Length <= RecordBatcher.MaxPayloadBytes);
        Assert.True(StreamEventJson.Batch([.. first, records[5]]).Length > RecordBatcher.MaxPayloadBytes);
        Assert.Equal(3, second.Count);
        Assert.Same(records[5], second[0]);
    }

    private static async Task WhenGathering(EventSourceMappings mappings)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (mappings.States.Single().Lanes.Single().Status != LaneStatus.Gathering)
        {
            await Task.Delay(1, timeout.Token);
        }
    }
}
