using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Streams;

namespace Stelvio.DynamoDB.Local.Tests.Streams;

public sealed class StreamStoreTests
{
    [Fact]
    public void Enabling_names_the_stream_by_its_creation_time_as_AWS()
    {
        var f = new StreamFixture();
        var stream = f.Enable();

        Assert.Equal("2026-12-02T09:30:15.123", stream.StreamLabel);
        Assert.Equal("arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/2026-12-02T09:30:15.123", stream.StreamArn);
        var described = f.Service.DescribeStream(stream.StreamArn, null, null);
        Assert.Equal(StreamStatus.ENABLED, described.Status);
        var shard = Assert.Single(described.Shards);
        Assert.Matches("^shardId-00000001796203815123-[0-9a-f]{8}$", shard.ShardId);
        Assert.Null(shard.ParentShardId);
        Assert.Null(shard.EndingSequence);
        Assert.Matches("^[1-9][0-9]{20}$", SequenceNumbers.Format(shard.StartingSequence));
    }

    [Theory]
    [InlineData(StreamViewType.KEYS_ONLY, false, false)]
    [InlineData(StreamViewType.NEW_IMAGE, true, false)]
    [InlineData(StreamViewType.OLD_IMAGE, false, true)]
    [InlineData(StreamViewType.NEW_AND_OLD_IMAGES, true, true)]
    public void Records_carry_the_images_their_view_type_names(StreamViewType view, bool hasNew, bool hasOld)
    {
        var f = new StreamFixture();
        var stream = f.Enable(view: view);
        f.Put("orders", null, StreamFixture.Item("p", n: 1));
        f.Put("orders", StreamFixture.Item("p", n: 1), StreamFixture.Item("p", n: 2));
        f.Put("orders", StreamFixture.Item("p", n: 2), null);

        var records = f.ReadAll(stream);

        Assert.Equal(["INSERT", "MODIFY", "REMOVE"], records.Select(r => r.EventName));
        Assert.All(records, r =>
        {
            Assert.Equal(view, r.StreamViewType);
            Assert.Equal("1.1", r.EventVersion);
            Assert.Equal("aws:dynamodb", r.EventSource);
            Assert.Equal("us-east-1", r.AwsRegion);
            Assert.Matches("^[0-9a-f]{32}$", r.EventId);
            Assert.Equal(StreamFixture.Key("p"), r.Keys);
            Assert.False(r.ByTimeToLive);
        });
        Assert.Equal(hasNew ? (int?)1 : null, Number(records[0].NewImage));
        Assert.Null(records[0].OldImage);
        Assert.Equal(hasNew ? (int?)2 : null, Number(records[1].NewImage));
        Assert.Equal(hasOld ? (int?)1 : null, Number(records[1].OldImage));
        Assert.Null(records[2].NewImage);
        Assert.Equal(hasOld ? (int?)2 : null, Number(records[2].OldImage));
        Assert.Equal(6 + (hasNew ? 8 : 0), records[0].SizeBytes);
        Assert.Equal(6 + (hasNew ? 8 : 0) + (hasOld ? 8 : 0), records[1].SizeBytes);
    }

    private static int? Number(IReadOnlyDictionary<string, AttributeValue>? image) =>
        image is null ? null : int.Parse(image["n"].N.ToString(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Sequence_numbers_increase_and_a_commits_records_are_consecutive()
    {
        var f = new StreamFixture();
        var orders = f.Enable("orders");
        var audit = f.Enable("audit");
        f.Put("orders", null, StreamFixture.Item("1"));
        f.Store.OnCommit(new Commit(
            [
                new ItemChange("orders", StreamFixture.Key("2"), null, StreamFixture.Item("2")),
                new ItemChange("audit", StreamFixture.Key("2"), null, StreamFixture.Item("2")),
                new ItemChange("orders", StreamFixture.Key("3"), null, StreamFixture.Item("3")),
            ],
            f.Clock.GetUtcNow()));

        var orderRecords = f.ReadAll(orders);
        var auditRecord = Assert.Single(f.ReadAll(audit));

        var sequences = orderRecords.Select(r => r.Sequence).Append(auditRecord.Sequence).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 4).Select(i => sequences[0] + i), sequences);
        Assert.True(string.CompareOrdinal(orderRecords[0].SequenceNumber, orderRecords[1].SequenceNumber) < 0);
        Assert.All(orderRecords, r => Assert.Matches("^[0-9]{21}$", r.SequenceNumber));
    }

    [Fact]
    public void A_table_without_a_stream_writes_no_records()
    {
        var f = new StreamFixture();
        var orders = f.Enable("orders");
        f.Put("other", null, StreamFixture.Item("1"));

        Assert.Empty(f.ReadAll(orders));
        Assert.Empty(f.Service.ListStreams("other", null, null).Streams);
    }

    [Fact]
    public void Ttl_deletions_are_marked()
    {
        var f = new StreamFixture();
        var stream = f.Enable();
        f.Put("orders", StreamFixture.Item("p"), null, ttl: true);

        var record = Assert.Single(f.ReadAll(stream));
        Assert.True(record.ByTimeToLive);
        Assert.Equal("REMOVE", record.EventName);
    }

    [Fact]
    public void Records_time_is_the_commit_time_rounded_down_to_the_second()
    {
        var f = new StreamFixture();
        var stream = f.Enable();
        f.Put("orders", null, StreamFixture.Item("p"));

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 30, 15, TimeSpan.Zero), Assert.Single(f.ReadAll(stream)).ApproximateCreationDateTime);
    }

    [Fact]
    public void Disabling_closes_the_shard_and_re_enabling_starts_a_new_stream()
    {
        var f = new StreamFixture();
        var first = f.Enable(view: StreamViewType.KEYS_ONLY);
        f.Put("orders", null, StreamFixture.Item("1"));
        f.Store.Disable("orders");
        f.Put("orders", null, StreamFixture.Item("2"));
        f.Clock.Advance(TimeSpan.FromSeconds(5));
        var second = f.Enable(view: StreamViewType.NEW_IMAGE);
        f.Put("orders", null, StreamFixture.Item("3"));

        Assert.NotEqual(first.StreamArn, second.StreamArn);
        Assert.Equal("2026-12-02T09:30:20.123", second.StreamLabel);
        Assert.Equal([first.StreamArn, second.StreamArn], f.Service.ListStreams("orders", null, null).Streams.Select(s => s.StreamArn));
        var old = f.Service.DescribeStream(first.StreamArn, null, null);
        Assert.Equal(StreamStatus.DISABLED, old.Status);
        var oldRecord = Assert.Single(f.ReadAll(first));
        Assert.Equal(oldRecord.Sequence, old.Shards[0].EndingSequence);
        var newRecord = Assert.Single(f.ReadAll(second));
        Assert.Equal("3", newRecord.Keys["pk"].S);
        Assert.Equal(StreamViewType.NEW_IMAGE, newRecord.StreamViewType);
    }

    [Fact]
    public void A_closed_shard_read_to_its_end_has_no_next_iterator()
    {
        var f = new StreamFixture();
        var stream = f.Enable();
        f.Put("orders", null, StreamFixture.Item("1"));
        var iterator = f.Iterator(stream, "LATEST");
        f.Put("orders", null, StreamFixture.Item("2"));
        f.Store.Disable("orders");

        var result = f.Service.GetRecords(iterator, null);

        Assert.Equal("2", Assert.Single(result.Records).Keys["pk"].S);
        Assert.Null(result.NextShardIterator);
        var empty = f.Service.GetRecords(f.Iterator(stream, "LATEST"), null);
        Assert.Empty(empty.Records);
        Assert.Null(empty.NextShardIterator);
    }

    [Fact]
    public void Records_and_disabled_streams_are_kept_24_hours()
    {
        var f = new StreamFixture();
        var first = f.Enable();
        f.Put("orders", null, StreamFixture.Item("old"));
        f.Clock.Advance(TimeSpan.FromHours(12));
        f.Put("orders", null, StreamFixture.Item("new"));
        f.Store.Disable("orders");
        var second = f.Enable();
        f.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromSeconds(1));

        Assert.Equal("new", Assert.Single(f.ReadAll(first)).Keys["pk"].S);
        f.Clock.Advance(TimeSpan.FromHours(12));

        Assert.Equal([second.StreamArn], f.Service.ListStreams(null, null, null).Streams.Select(s => s.StreamArn));
        var error = Assert.Throws<Errors.DynamoDbException>(() => f.Service.DescribeStream(first.StreamArn, null, null));
        Assert.Equal("ResourceNotFoundException", error.Type);
        Assert.Equal($"Requested resource not found: Stream: {first.StreamArn} not found", error.Message);
    }
}
