using Stelvio.DynamoDB.Local.Streams;

namespace Stelvio.DynamoDB.Local.Tests.Streams;

public sealed class ChangeFeedTests
{
    /// <summary>Ends a test that would otherwise wait forever on a broken feed (not a timing assertion).</summary>
    private static class Guard
    {
        public static CancellationToken Token => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
    }

    [Fact]
    public async Task A_subscriber_waits_for_the_next_commit_and_gets_the_records_in_order()
    {
        var f = new StreamFixture();
        f.Enable();
        f.Put("orders", null, StreamFixture.Item("before"));
        var feed = new ChangeFeed(f.Store);
        await using var records = feed.SubscribeAsync("orders", cancellationToken: Guard.Token).GetAsyncEnumerator();

        var next = records.MoveNextAsync().AsTask();
        Assert.False(next.IsCompleted);
        f.Put("orders", null, StreamFixture.Item("1"));
        f.Put("orders", StreamFixture.Item("1"), StreamFixture.Item("1", n: 5));

        Assert.True(await next);
        Assert.Equal(("INSERT", "1"), (records.Current.EventName, records.Current.Keys["pk"].S));
        Assert.True(await records.MoveNextAsync());
        Assert.Equal("MODIFY", records.Current.EventName);
    }

    [Fact]
    public async Task Trim_horizon_starts_with_the_oldest_record_and_follows_a_re_enabled_stream()
    {
        var f = new StreamFixture();
        f.Enable();
        f.Put("orders", null, StreamFixture.Item("1"));
        f.Store.Disable("orders");
        f.Clock.Advance(TimeSpan.FromSeconds(1));
        f.Enable();
        f.Put("orders", null, StreamFixture.Item("2"));
        var feed = new ChangeFeed(f.Store);

        var keys = new List<string>();
        await foreach (var record in feed.SubscribeAsync("orders", ChangeFeedStart.TrimHorizon, Guard.Token))
        {
            keys.Add(record.Keys["pk"].S);
            if (keys.Count == 2)
            {
                break;
            }
        }
        Assert.Equal(["1", "2"], keys);
    }

    [Fact]
    public async Task A_batch_read_returns_what_committed_after_the_given_record()
    {
        var f = new StreamFixture();
        f.Enable();
        f.Put("orders", null, StreamFixture.Item("1"));
        f.Put("orders", null, StreamFixture.Item("2"));
        var feed = new ChangeFeed(f.Store);
        var first = f.ReadAll(f.Store.List("orders")[0])[0];

        var batch = await feed.ReadBatchAsync("orders", first.SequenceNumber, 10, Guard.Token);
        Assert.Equal("2", Assert.Single(batch).Keys["pk"].S);

        var pending = feed.ReadBatchAsync("orders", null, 10, Guard.Token);
        Assert.False(pending.IsCompleted);
        f.Put("other", null, StreamFixture.Item("x"));
        Assert.False(pending.IsCompleted);
        f.Put("orders", null, StreamFixture.Item("3"));
        Assert.Equal("3", Assert.Single(await pending).Keys["pk"].S);
    }

    [Fact]
    public async Task Cancelling_ends_a_wait()
    {
        var f = new StreamFixture();
        using var cancel = new CancellationTokenSource();
        var pending = new ChangeFeed(f.Store).ReadBatchAsync("orders", null, 10, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }
}
