using Microsoft.Extensions.Time.Testing;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.TimeToLive;

namespace Stelvio.DynamoDB.Local.Tests.TimeToLive;

public sealed class TimeToLiveSweeperTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static AttributeValue Epoch(DateTimeOffset time) => AttributeValue.FromNumber(DynamoNumber.FromInt64(time.ToUnixTimeSeconds()));

    [Fact]
    public void An_item_expires_when_its_number_of_epoch_seconds_is_past()
    {
        Assert.True(TimeToLiveExpiry.IsExpired(Epoch(Now.AddSeconds(-1)), Now));
        Assert.True(TimeToLiveExpiry.IsExpired(AttributeValue.FromNumber(DynamoNumber.Parse("1796202000.25")), Now.AddMilliseconds(500)));
        Assert.False(TimeToLiveExpiry.IsExpired(Epoch(Now), Now));
        Assert.False(TimeToLiveExpiry.IsExpired(Epoch(Now.AddHours(1)), Now));
    }

    [Fact]
    public void Other_types_and_times_over_five_years_old_never_expire()
    {
        Assert.False(TimeToLiveExpiry.IsExpired(AttributeValue.FromString("1"), Now));
        Assert.False(TimeToLiveExpiry.IsExpired(AttributeValue.FromNumberSet([DynamoNumber.FromInt64(1)]), Now));
        Assert.False(TimeToLiveExpiry.IsExpired(Epoch(Now.AddDays(-5 * 365 - 1)), Now));
        Assert.True(TimeToLiveExpiry.IsExpired(Epoch(Now.AddDays(-5 * 365 + 1)), Now));
        Assert.False(TimeToLiveExpiry.IsExpired(new Dictionary<string, AttributeValue>(), "expires", Now));
    }

    [Fact]
    public void Sweeping_deletes_the_expired_items_of_each_table_with_ttl()
    {
        var clock = new FakeTimeProvider(Now);
        var store = new FakeStore();
        store.Add("a", "1", Epoch(Now.AddSeconds(-10)));
        store.Add("a", "2", Epoch(Now.AddSeconds(10)));
        store.Add("b", "3", Epoch(Now.AddSeconds(-1)));
        var sweeper = new TimeToLiveSweeper(store, clock, TimeSpan.FromMinutes(1));

        Assert.Equal(2, sweeper.SweepNow());
        Assert.Equal(["a/2"], store.Items.Keys);
        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(1, sweeper.SweepNow());
        Assert.Empty(store.Items);
    }

    [Fact]
    public void The_timer_sweeps_every_period_of_the_time_provider()
    {
        var clock = new FakeTimeProvider(Now);
        var store = new FakeStore();
        store.Add("a", "1", Epoch(Now.AddSeconds(30)));
        var sweeper = new TimeToLiveSweeper(store, clock, TimeSpan.FromMinutes(1));
        sweeper.Start();

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Single(store.Items);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(store.Items);
        sweeper.Stop();
        store.Add("a", "2", Epoch(Now));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Single(store.Items);
    }

    [Fact]
    public void An_item_changed_after_listing_is_not_counted()
    {
        var store = new FakeStore { ChangeBeforeDelete = true };
        store.Add("a", "1", Epoch(Now.AddSeconds(-10)));
        var sweeper = new TimeToLiveSweeper(store, new FakeTimeProvider(Now), TimeSpan.FromMinutes(1));

        Assert.Equal(0, sweeper.SweepNow());
        Assert.Single(store.Items);
    }

    private sealed class FakeStore : ITimeToLiveStore
    {
        public SortedDictionary<string, AttributeValue> Items { get; } = new(StringComparer.Ordinal);

        public bool ChangeBeforeDelete { get; init; }

        public void Add(string table, string key, AttributeValue expires) => Items[$"{table}/{key}"] = expires;

        public IReadOnlyList<TimeToLiveTable> TablesWithTimeToLive() => [new("a", "expires"), new("b", "expires")];

        public IReadOnlyList<IReadOnlyDictionary<string, AttributeValue>> ExpiredKeys(TimeToLiveTable table, DateTimeOffset now) =>
            [.. Items.Where(i => i.Key.StartsWith(table.TableName + "/", StringComparison.Ordinal) && TimeToLiveExpiry.IsExpired(i.Value, now))
                .Select(i => new Dictionary<string, AttributeValue> { ["id"] = AttributeValue.FromString(i.Key) })];

        public bool DeleteIfExpired(TimeToLiveTable table, IReadOnlyDictionary<string, AttributeValue> key, DateTimeOffset now)
        {
            var id = key["id"].S;
            if (ChangeBeforeDelete)
            {
                Items[id] = Epoch(now.AddDays(1));
            }
            return TimeToLiveExpiry.IsExpired(Items[id], now) && Items.Remove(id);
        }
    }
}
