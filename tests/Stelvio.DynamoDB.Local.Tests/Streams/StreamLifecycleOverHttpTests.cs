using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using Stelvio.DynamoDB.Local.Tests.Support;

namespace Stelvio.DynamoDB.Local.Tests.Streams;

/// <summary>Disabling and re-enabling a table's stream with UpdateTable (within the same millisecond of the fake clock).</summary>
public sealed class StreamLifecycleOverHttpTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    private LocalDynamo _db = null!;
    private AmazonDynamoDBClient _client = null!;

    public async Task InitializeAsync()
    {
        _db = await LocalDynamo.StartAsync(new LocalDynamoOptions { TimeProvider = _clock, TimeToLiveSweepPeriod = TimeSpan.FromHours(1) });
        _client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig { ServiceURL = _db.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _db.DisposeAsync();
    }

    private Task SetStreamAsync(string table, string? viewType) => _client.UpdateTableAsync(new UpdateTableRequest
    {
        TableName = table,
        StreamSpecification = viewType is null
            ? new StreamSpecification { StreamEnabled = false }
            : new StreamSpecification { StreamEnabled = true, StreamViewType = viewType },
    });

    [Fact]
    public async Task A_re_enabled_stream_is_new_and_the_old_one_stays_readable_until_it_expires()
    {
        var table = await Tables.CreateAsync(_client, configure: r =>
            r.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = "KEYS_ONLY" });
        var first = (await _client.DescribeTableAsync(table)).Table.LatestStreamArn;
        await _client.PutItemAsync(table, new() { ["pk"] = new() { S = "1" } });
        await SetStreamAsync(table, null);
        await _client.PutItemAsync(table, new() { ["pk"] = new() { S = "2" } });
        await SetStreamAsync(table, "NEW_IMAGE");
        await _client.PutItemAsync(table, new() { ["pk"] = new() { S = "3" } });
        var second = (await _client.DescribeTableAsync(table)).Table.LatestStreamArn;
        var streams = new StreamsWireClient(_db.Endpoint);

        Assert.NotEqual(first, second);
        var listed = (await streams.CallAsync("ListStreams", new { TableName = table }))["Streams"]!.AsArray();
        Assert.Equal([first, second], listed.Select(s => s!["StreamArn"]!.GetValue<string>()));
        Assert.Equal("DISABLED", (await streams.CallAsync("DescribeStream", new { StreamArn = first }))["StreamDescription"]!["StreamStatus"]!.GetValue<string>());
        Assert.Equal("ENABLED", (await streams.CallAsync("DescribeStream", new { StreamArn = second }))["StreamDescription"]!["StreamStatus"]!.GetValue<string>());
        var old = await streams.RecordsAsync(await streams.LatestIteratorAsync(first));
        Assert.Equal("1", Assert.Single(old)!["dynamodb"]!["Keys"]!["pk"]!["S"]!.GetValue<string>());
        var current = Assert.Single(await streams.RecordsAsync(await streams.LatestIteratorAsync(second)))!;
        Assert.Equal("3", current["dynamodb"]!["NewImage"]!["pk"]!["S"]!.GetValue<string>());

        _clock.Advance(TimeSpan.FromHours(24));
        listed = (await streams.CallAsync("ListStreams", new { TableName = table }))["Streams"]!.AsArray();
        Assert.Equal([second], listed.Select(s => s!["StreamArn"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_update_that_changes_nothing_writes_no_record()
    {
        var table = await Tables.CreateAsync(_client, configure: r =>
            r.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = "NEW_AND_OLD_IMAGES" });
        var arn = (await _client.DescribeTableAsync(table)).Table.LatestStreamArn;
        var key = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "1" } };
        UpdateItemRequest Set(string value) => new()
        {
            TableName = table,
            Key = key,
            UpdateExpression = "SET x = :v",
            ExpressionAttributeValues = new() { [":v"] = new() { N = value } },
        };

        await _client.UpdateItemAsync(Set("1"));
        await _client.UpdateItemAsync(Set("1.0"));
        await _client.UpdateItemAsync(Set("2"));
        await _client.UpdateItemAsync(new UpdateItemRequest { TableName = table, Key = key, UpdateExpression = "REMOVE y" });

        var streams = new StreamsWireClient(_db.Endpoint);
        var records = await streams.RecordsAsync(await streams.LatestIteratorAsync(arn));
        Assert.Equal(["INSERT", "MODIFY"], records.Select(r => r!["eventName"]!.GetValue<string>()));
    }
}
