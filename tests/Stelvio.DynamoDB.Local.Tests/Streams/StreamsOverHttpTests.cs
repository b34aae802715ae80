using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using Stelvio.DynamoDB.Local.Tests.Support;
using AttributeValue = Amazon.DynamoDBv2.Model.AttributeValue;

namespace Stelvio.DynamoDB.Local.Tests.Streams;

/// <summary>Streams end to end: tables and items through AWSSDK.DynamoDBv2, records through the Streams API over HTTP.</summary>
public sealed class StreamsOverHttpTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero));
    private LocalDynamo _db = null!;
    private AmazonDynamoDBClient _client = null!;
    private StreamsWireClient _streams = null!;

    public async Task InitializeAsync()
    {
        _db = await LocalDynamo.StartAsync(new LocalDynamoOptions { TimeProvider = _clock, TimeToLiveSweepPeriod = TimeSpan.FromHours(1) });
        _client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig { ServiceURL = _db.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        _streams = new StreamsWireClient(_db.Endpoint);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _db.DisposeAsync();
    }

    private async Task<(string Table, string StreamArn)> TableWithStreamAsync(string viewType)
    {
        var table = await Tables.CreateAsync(_client, range: true, configure: r =>
            r.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = viewType });
        var described = await _client.DescribeTableAsync(table);
        return (table, described.Table.LatestStreamArn);
    }

    private static Dictionary<string, AttributeValue> Item(string sk, params (string Name, string Value)[] attributes)
    {
        var item = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "p" }, ["sk"] = new() { S = sk } };
        foreach (var (name, value) in attributes)
        {
            item[name] = new AttributeValue { S = value };
        }
        return item;
    }

    private static Dictionary<string, AttributeValue> Key(string sk) => Item(sk);

    [Theory]
    [InlineData("KEYS_ONLY")]
    [InlineData("NEW_IMAGE")]
    [InlineData("OLD_IMAGE")]
    [InlineData("NEW_AND_OLD_IMAGES")]
    public async Task Each_write_that_changes_an_item_is_one_record_and_no_op_writes_none(string viewType)
    {
        var (table, arn) = await TableWithStreamAsync(viewType);

        await _client.PutItemAsync(table, Item("a", ("x", "1")));
        await _client.PutItemAsync(table, Item("a", ("x", "1")));
        await _client.PutItemAsync(table, Item("a", ("x", "2")));
        await _client.DeleteItemAsync(table, Key("a"));
        await _client.DeleteItemAsync(table, Key("a"));

        var records = await _streams.RecordsAsync(await _streams.LatestIteratorAsync(arn));
        Assert.Equal(["INSERT", "MODIFY", "REMOVE"], records.Select(r => r!["eventName"]!.GetValue<string>()));
        bool newImages = viewType is "NEW_IMAGE" or "NEW_AND_OLD_IMAGES", oldImages = viewType is "OLD_IMAGE" or "NEW_AND_OLD_IMAGES";
        var expected = new (string? Old, string? New)[] { (null, "1"), ("1", "2"), ("2", null) };
        for (var i = 0; i < 3; i++)
        {
            var record = records[i]!;
            Assert.Equal("1.1", record["eventVersion"]!.GetValue<string>());
            Assert.Equal("aws:dynamodb", record["eventSource"]!.GetValue<string>());
            Assert.Equal("us-east-1", record["awsRegion"]!.GetValue<string>());
            Assert.Matches("^[0-9a-f]{32}$", record["eventID"]!.GetValue<string>());
            Assert.Null(record["userIdentity"]);
            var dynamodb = record["dynamodb"]!;
            Assert.Equal(viewType, dynamodb["StreamViewType"]!.GetValue<string>());
            Assert.Equal(_clock.GetUtcNow().ToUnixTimeSeconds(), dynamodb["ApproximateCreationDateTime"]!.GetValue<long>());
            Assert.Equal("""{"pk":{"S":"p"},"sk":{"S":"a"}}""", dynamodb["Keys"]!.ToJsonString());
            Assert.Matches("^[0-9]{21}$", dynamodb["SequenceNumber"]!.GetValue<string>());
            Assert.Equal(newImages ? expected[i].New : null, dynamodb["NewImage"]?["x"]!["S"]!.GetValue<string>());
            Assert.Equal(oldImages ? expected[i].Old : null, dynamodb["OldImage"]?["x"]!["S"]!.GetValue<string>());
            // Keys pk=p, sk=a: 6 bytes (names and values); each image is the keys plus x=1: 8 bytes.
            var imageCount = (newImages && expected[i].New is not null ? 1 : 0) + (oldImages && expected[i].Old is not null ? 1 : 0);
            Assert.Equal(6 + (imageCount * 8), dynamodb["SizeBytes"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task SizeBytes_counts_as_the_AWS_documentation_example()
    {
        var table = Tables.UniqueName();
        await _client.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("ForumName", ScalarAttributeType.S), new("Subject", ScalarAttributeType.S)],
            KeySchema = [new("ForumName", KeyType.HASH), new("Subject", KeyType.RANGE)],
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = "KEYS_ONLY" },
        });
        await _client.PutItemAsync(table, new() { ["ForumName"] = new() { S = "DynamoDB" }, ["Subject"] = new() { S = "DynamoDB Thread 3" } });

        var arn = (await _client.DescribeTableAsync(table)).Table.LatestStreamArn;
        var record = Assert.Single(await _streams.RecordsAsync(await _streams.LatestIteratorAsync(arn)))!;
        Assert.Equal(41, record["dynamodb"]!["SizeBytes"]!.GetValue<long>());
    }

    [Fact]
    public async Task ListStreams_and_DescribeStream_show_the_tables_stream()
    {
        var (table, arn) = await TableWithStreamAsync("NEW_AND_OLD_IMAGES");
        var description = await _client.DescribeTableAsync(table);

        var listed = (await _streams.CallAsync("ListStreams", new { TableName = table }))["Streams"]!.AsArray();
        var stream = Assert.Single(listed)!;
        Assert.Equal(arn, stream["StreamArn"]!.GetValue<string>());
        Assert.Equal(table, stream["TableName"]!.GetValue<string>());
        Assert.Equal(description.Table.LatestStreamLabel, stream["StreamLabel"]!.GetValue<string>());
        Assert.Equal($"arn:aws:dynamodb:us-east-1:000000000000:table/{table}/stream/2026-12-02T09:30:00.000", arn);

        var streamDescription = (await _streams.CallAsync("DescribeStream", new { StreamArn = arn }))["StreamDescription"]!;
        Assert.Equal("ENABLED", streamDescription["StreamStatus"]!.GetValue<string>());
        Assert.Equal("NEW_AND_OLD_IMAGES", streamDescription["StreamViewType"]!.GetValue<string>());
        Assert.Equal(table, streamDescription["TableName"]!.GetValue<string>());
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeSeconds(), streamDescription["CreationRequestDateTime"]!.GetValue<decimal>());
        Assert.Equal("""[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]""", streamDescription["KeySchema"]!.ToJsonString());
        var shard = Assert.Single(streamDescription["Shards"]!.AsArray())!;
        Assert.Matches("^shardId-[0-9]{20}-[0-9a-f]{8}$", shard["ShardId"]!.GetValue<string>());
        Assert.Matches("^[0-9]{21}$", shard["SequenceNumberRange"]!["StartingSequenceNumber"]!.GetValue<string>());
        Assert.Null(shard["SequenceNumberRange"]!["EndingSequenceNumber"]);
        Assert.Null(shard["ParentShardId"]);
    }

    [Fact]
    public async Task Iterator_types_read_from_where_AWS_documents()
    {
        var (table, arn) = await TableWithStreamAsync("KEYS_ONLY");
        await _client.PutItemAsync(table, Item("1"));
        await _client.PutItemAsync(table, Item("2"));
        var latest = await _streams.LatestIteratorAsync(arn, "LATEST");
        await _client.PutItemAsync(table, Item("3"));

        static IEnumerable<string> Keys(JsonArray records) => records.Select(r => r!["dynamodb"]!["Keys"]!["sk"]!["S"]!.GetValue<string>());
        var all = await _streams.RecordsAsync(await _streams.LatestIteratorAsync(arn));
        Assert.Equal(["1", "2", "3"], Keys(all));
        Assert.Equal(["3"], Keys(await _streams.RecordsAsync(latest)));
        var second = all[1]!["dynamodb"]!["SequenceNumber"]!.GetValue<string>();
        Assert.Equal(["2", "3"], Keys(await _streams.RecordsAsync(await _streams.LatestIteratorAsync(arn, "AT_SEQUENCE_NUMBER", second))));
        Assert.Equal(["3"], Keys(await _streams.RecordsAsync(await _streams.LatestIteratorAsync(arn, "AFTER_SEQUENCE_NUMBER", second))));

        var page = await _streams.CallAsync("GetRecords", new { ShardIterator = await _streams.LatestIteratorAsync(arn), Limit = 2 });
        Assert.Equal(["1", "2"], Keys(page["Records"]!.AsArray()));
        Assert.Equal(["3"], Keys(await _streams.RecordsAsync(page["NextShardIterator"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Expired_iterators_and_trimmed_records_are_AWS_errors()
    {
        var (table, arn) = await TableWithStreamAsync("KEYS_ONLY");
        await _client.PutItemAsync(table, Item("1"));
        var iterator = await _streams.LatestIteratorAsync(arn);
        _clock.Advance(TimeSpan.FromMinutes(16));

        var expired = await Assert.ThrowsAsync<StreamsError>(() => _streams.RecordsAsync(iterator));
        Assert.Equal(("ExpiredIteratorException", "The provided iterator exceeds the maximum age allowed.", 400), (expired.Type, expired.Message, expired.Status));

        var first = (await _streams.RecordsAsync(await _streams.LatestIteratorAsync(arn)))[0]!["dynamodb"]!["SequenceNumber"]!.GetValue<string>();
        _clock.Advance(TimeSpan.FromHours(24));
        var trimmed = await Assert.ThrowsAsync<StreamsError>(() => _streams.LatestIteratorAsync(arn, "AT_SEQUENCE_NUMBER", first));
        Assert.Equal(("TrimmedDataAccessException", "The data you are trying to access has been trimmed."), (trimmed.Type, trimmed.Message));
        Assert.Empty(await _streams.RecordsAsync(await _streams.LatestIteratorAsync(arn)));
    }

    [Fact]
    public async Task Unknown_streams_and_bad_requests_are_AWS_errors()
    {
        var missing = "arn:aws:dynamodb:us-east-1:000000000000:table/none/stream/2026-12-02T09:30:00.000";
        var notFound = await Assert.ThrowsAsync<StreamsError>(() => _streams.CallAsync("DescribeStream", new { StreamArn = missing }));
        Assert.Equal(("ResourceNotFoundException", $"Requested resource not found: Stream: {missing} not found"), (notFound.Type, notFound.Message));

        var limit = await Assert.ThrowsAsync<StreamsError>(() => _streams.CallAsync("ListStreams", new { Limit = 0 }));
        Assert.Equal(
            ("ValidationException", "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"),
            (limit.Type, limit.Message));

        var iterator = await Assert.ThrowsAsync<StreamsError>(() => _streams.CallAsync("GetRecords", new { ShardIterator = "nonsense" }));
        Assert.Equal(("ValidationException", "Invalid ShardIterator"), (iterator.Type, iterator.Message));
    }

    [Fact]
    public async Task A_transactions_records_are_consecutive()
    {
        var (table, arn) = await TableWithStreamAsync("KEYS_ONLY");
        var engine = _db.Engine;
        lock (engine.Catalog.Get(table).Sync)
        {
            var stored = engine.Catalog.Get(table);
            var definition = stored.Definition;
            var first = stored.PutLocked(Stelvio.DynamoDB.Local.Storage.ItemFactory.Create(definition, Model(Item("1"))))!;
            var second = stored.PutLocked(Stelvio.DynamoDB.Local.Storage.ItemFactory.Create(definition, Model(Item("2"))))!;
            engine.Catalog.Publish([first, second]);
        }

        var records = await _streams.RecordsAsync(await _streams.LatestIteratorAsync(arn));
        var sequences = records.Select(r => decimal.Parse(r!["dynamodb"]!["SequenceNumber"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sequences[0] + 1, sequences[1]);
    }

    private static Dictionary<string, Local.Model.AttributeValue> Model(Dictionary<string, AttributeValue> item) =>
        item.ToDictionary(a => a.Key, a => Local.Model.AttributeValue.FromString(a.Value.S));

    [Fact]
    public async Task Deleting_the_table_disables_its_stream_which_stays_readable()
    {
        var (table, arn) = await TableWithStreamAsync("KEYS_ONLY");
        await _client.PutItemAsync(table, Item("1"));
        await _client.DeleteTableAsync(table);

        var description = (await _streams.CallAsync("DescribeStream", new { StreamArn = arn }))["StreamDescription"]!;
        Assert.Equal("DISABLED", description["StreamStatus"]!.GetValue<string>());
        var range = description["Shards"]![0]!["SequenceNumberRange"]!;
        var records = await _streams.CallAsync("GetRecords", new { ShardIterator = await _streams.LatestIteratorAsync(arn) });
        Assert.Single(records["Records"]!.AsArray());
        Assert.Equal(range["EndingSequenceNumber"]!.GetValue<string>(), records["Records"]![0]!["dynamodb"]!["SequenceNumber"]!.GetValue<string>());
        Assert.Null(records["NextShardIterator"]);

        _clock.Advance(TimeSpan.FromHours(24));
        Assert.Empty((await _streams.CallAsync("ListStreams", new { TableName = table }))["Streams"]!.AsArray());
    }
}
