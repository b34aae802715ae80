using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Streams;

namespace Stelvio.DynamoDB.Local.Tests.Streams;

public sealed class ShardIteratorTests
{
    private readonly StreamFixture _f = new();
    private readonly StreamInfo _stream;

    public ShardIteratorTests()
    {
        _stream = _f.Enable();
        _f.Put("orders", null, StreamFixture.Item("1"));
        _f.Put("orders", null, StreamFixture.Item("2"));
        _f.Put("orders", null, StreamFixture.Item("3"));
    }

    private IReadOnlyList<string> Keys(string iterator, int? limit = null) =>
        [.. _f.Service.GetRecords(iterator, limit).Records.Select(r => r.Keys["pk"].S)];

    [Fact]
    public void Each_iterator_type_starts_where_AWS_documents()
    {
        var all = _f.ReadAll(_stream);
        var second = all[1].SequenceNumber;

        Assert.Equal(["1", "2", "3"], Keys(_f.Iterator(_stream, "TRIM_HORIZON")));
        Assert.Empty(Keys(_f.Iterator(_stream, "LATEST")));
        Assert.Equal(["2", "3"], Keys(_f.Iterator(_stream, "AT_SEQUENCE_NUMBER", second)));
        Assert.Equal(["3"], Keys(_f.Iterator(_stream, "AFTER_SEQUENCE_NUMBER", second)));
        var start = _f.Service.DescribeStream(_stream.StreamArn, null, null).Shards[0].StartingSequence;
        Assert.Equal(["1", "2", "3"], Keys(_f.Iterator(_stream, "AT_SEQUENCE_NUMBER", SequenceNumbers.Format(start))));
    }

    [Fact]
    public void A_latest_iterator_sees_what_is_written_after_it()
    {
        var latest = _f.Iterator(_stream, "LATEST");
        _f.Put("orders", null, StreamFixture.Item("4"));

        var result = _f.Service.GetRecords(latest, null);
        Assert.Equal("4", Assert.Single(result.Records).Keys["pk"].S);
        var next = _f.Service.GetRecords(result.NextShardIterator!, null);
        Assert.Empty(next.Records);
        Assert.NotNull(next.NextShardIterator);
    }

    [Fact]
    public void Limit_pages_and_next_iterators_continue()
    {
        var first = _f.Service.GetRecords(_f.Iterator(_stream), 2);
        Assert.Equal(["1", "2"], first.Records.Select(r => r.Keys["pk"].S));
        Assert.Equal(["3"], Keys(first.NextShardIterator!));
    }

    [Fact]
    public void A_page_stops_at_one_megabyte()
    {
        var f = new StreamFixture();
        var stream = f.Enable(view: StreamViewType.NEW_IMAGE);
        var big = new string('x', 300 * 1024);
        for (var i = 0; i < 5; i++)
        {
            var item = StreamFixture.Item($"{i}");
            item["big"] = Stelvio.DynamoDB.Local.Model.AttributeValue.FromString(big);
            f.Put("orders", null, item);
        }

        var page = f.Service.GetRecords(f.Iterator(stream), null);
        Assert.Equal(3, page.Records.Count);
        Assert.Equal(2, f.Service.GetRecords(page.NextShardIterator!, null).Records.Count);
    }

    [Fact]
    public void Iterators_expire_after_15_minutes()
    {
        var iterator = _f.Iterator(_stream);
        _f.Clock.Advance(TimeSpan.FromMinutes(15));
        var next = _f.Service.GetRecords(iterator, 1).NextShardIterator!;
        _f.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromMilliseconds(1));

        var error = Assert.Throws<DynamoDbException>(() => _f.Service.GetRecords(iterator, null));
        Assert.Equal("ExpiredIteratorException", error.Type);
        Assert.Equal("The provided iterator exceeds the maximum age allowed.", error.Message);
        Assert.Throws<DynamoDbException>(() => _f.Service.GetRecords(next, null));
    }

    [Fact]
    public void Reading_trimmed_records_is_refused()
    {
        var first = _f.ReadAll(_stream)[0].SequenceNumber;
        _f.Clock.Advance(TimeSpan.FromMinutes(1));
        _f.Put("orders", null, StreamFixture.Item("4"));
        _f.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(6));
        var horizon = _f.Iterator(_stream);
        _f.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var read = Assert.Throws<DynamoDbException>(() => _f.Service.GetRecords(horizon, null));
        Assert.Equal("TrimmedDataAccessException", read.Type);
        Assert.Equal("The data you are trying to access has been trimmed.", read.Message);
        var at = Assert.Throws<DynamoDbException>(() => _f.Iterator(_stream, "AT_SEQUENCE_NUMBER", first));
        Assert.Equal("TrimmedDataAccessException", at.Type);
        Assert.Equal(["4"], Keys(_f.Iterator(_stream, "TRIM_HORIZON")));
    }

    [Theory]
    [InlineData("AT_SEQUENCE_NUMBER", null, "Must specify a sequence number for shard iterator type AT_SEQUENCE_NUMBER.")]
    [InlineData("AFTER_SEQUENCE_NUMBER", null, "Must specify a sequence number for shard iterator type AFTER_SEQUENCE_NUMBER.")]
    [InlineData("LATEST", "100000000000000000001", "Must not specify a sequence number for shard iterator type LATEST.")]
    [InlineData("TRIM_HORIZON", "100000000000000000001", "Must not specify a sequence number for shard iterator type TRIM_HORIZON.")]
    [InlineData("LATEST", "sdfsafglldfngjdafnasdflgnaldklkafdsgkl", "Must not specify a sequence number for shard iterator type LATEST.")]
    [InlineData("AT_SEQUENCE_NUMBER", "sdfsafglldfngjdafnasdflgnaldklkafdsgkl", "Invalid SequenceNumber: sdfsafglldfngjdafnasdflgnaldklkafdsgkl")]
    [InlineData("bulle", null, "1 validation error detected: Value 'bulle' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]")]
    [InlineData("AT_SEQUENCE_NUMBER", "12345", "1 validation error detected: Value '12345' at 'sequenceNumber' failed to satisfy constraint: Member must have length greater than or equal to 21")]
    public void Bad_iterator_requests_are_validation_errors(string type, string? sequence, string message)
    {
        var error = Assert.Throws<DynamoDbException>(() => _f.Iterator(_stream, type, sequence));
        Assert.Equal("ValidationException", error.Type);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Unknown_streams_and_shards_are_not_found_and_malformed_ones_invalid()
    {
        var shard = _f.Shard(_stream);
        var unknown = "arn:aws:dynamodb:us-east-1:000000000000:table/nothing/stream/2026-12-02T09:30:15.123";

        var noStream = Assert.Throws<DynamoDbException>(() => _f.Service.GetShardIterator(unknown, shard, "LATEST", null));
        Assert.Equal(("ResourceNotFoundException", $"Requested resource not found: Stream: {unknown} not found"), (noStream.Type, noStream.Message));
        var noShard = Assert.Throws<DynamoDbException>(() => _f.Service.GetShardIterator(_stream.StreamArn, "shardId-00000001796203815123-00000000", "LATEST", null));
        Assert.Equal(("ResourceNotFoundException", "Requested resource not found: Shard does not exist"), (noShard.Type, noShard.Message));
        var badArn = Assert.Throws<DynamoDbException>(() => _f.Service.DescribeStream("sdfadfsdfnlfkajakfgjalksfgklasjklasdjfklasdfasdfgasf", null, null));
        Assert.Equal(("ValidationException", "Invalid StreamArn"), (badArn.Type, badArn.Message));
        var badIterator = Assert.Throws<DynamoDbException>(() => _f.Service.GetRecords("sdfsdfsgagaddafgagasgasgasdfasdfasdfasdfasdgasdasdgasdg", null));
        Assert.Equal(("ValidationException", "Invalid ShardIterator"), (badIterator.Type, badIterator.Message));
    }

    [Theory]
    [InlineData(0, "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1")]
    [InlineData(1001, "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000")]
    public void GetRecords_limit_is_1_to_1000(int limit, string message)
    {
        var error = Assert.Throws<DynamoDbException>(() => _f.Service.GetRecords(_f.Iterator(_stream), limit));
        Assert.Equal(message, error.Message);
        Assert.Equal(1000, _f.Service.GetRecords(_f.Iterator(_stream), 1000).Records.Count + 997);
    }

    [Fact]
    public void Shape_errors_are_reported_together()
    {
        var error = Assert.Throws<DynamoDbException>(() => _f.Service.GetShardIterator(null, "short", "bulle", null));
        Assert.Equal(
            "3 validation errors detected: Value null at 'streamArn' failed to satisfy constraint: Member must not be null; "
            + "Value 'short' at 'shardId' failed to satisfy constraint: Member must have length greater than or equal to 28; "
            + "Value 'bulle' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]",
            error.Message);
    }
}
