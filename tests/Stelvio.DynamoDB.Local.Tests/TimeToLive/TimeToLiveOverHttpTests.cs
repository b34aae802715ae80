using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using Stelvio.DynamoDB.Local.Tests.Streams;
using Stelvio.DynamoDB.Local.Tests.Support;

namespace Stelvio.DynamoDB.Local.Tests.TimeToLive;

/// <summary>TTL end to end: expired items are read until swept, then deleted with a REMOVE record of the service.</summary>
public sealed class TimeToLiveOverHttpTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    private LocalDynamo _db = null!;
    private AmazonDynamoDBClient _client = null!;

    public async Task InitializeAsync()
    {
        _db = await LocalDynamo.StartAsync(new LocalDynamoOptions { TimeProvider = _clock, TimeToLiveSweepPeriod = TimeSpan.FromMinutes(1) });
        _client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig { ServiceURL = _db.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _db.DisposeAsync();
    }

    private AttributeValue Epoch(TimeSpan fromNow) => new() { N = (_clock.GetUtcNow() + fromNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public async Task Expired_items_are_read_until_swept_then_removed_by_the_service()
    {
        var table = await Tables.CreateAsync(_client, configure: r =>
            r.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = "OLD_IMAGE" });
        await _client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = table,
            TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = "expires", Enabled = true },
        });
        await _client.PutItemAsync(table, new() { ["pk"] = new() { S = "soon" }, ["expires"] = Epoch(TimeSpan.FromSeconds(30)) });
        await _client.PutItemAsync(table, new() { ["pk"] = new() { S = "later" }, ["expires"] = Epoch(TimeSpan.FromHours(1)) });
        await _client.PutItemAsync(table, new() { ["pk"] = new() { S = "text" }, ["expires"] = new() { S = "0" } });
        var streams = new StreamsWireClient(_db.Endpoint);
        var arn = (await _client.DescribeTableAsync(table)).Table.LatestStreamArn;
        var latest = await streams.LatestIteratorAsync(arn, "LATEST");

        _clock.Advance(TimeSpan.FromSeconds(45));
        Assert.True((await _client.GetItemAsync(table, new() { ["pk"] = new() { S = "soon" } })).IsItemSet);
        _clock.Advance(TimeSpan.FromSeconds(15));

        Assert.False((await _client.GetItemAsync(table, new() { ["pk"] = new() { S = "soon" } })).IsItemSet);
        Assert.Equal(2, (await _client.ScanAsync(new ScanRequest { TableName = table })).Count);
        var record = Assert.Single(await streams.RecordsAsync(latest))!;
        Assert.Equal("REMOVE", record["eventName"]!.GetValue<string>());
        Assert.Equal("""{"PrincipalId":"dynamodb.amazonaws.com","Type":"Service"}""", record["userIdentity"]!.ToJsonString());
        Assert.Equal("soon", record["dynamodb"]!["OldImage"]!["pk"]!["S"]!.GetValue<string>());
        Assert.Equal(0, _db.Engine.TimeToLive.SweepNow());
    }
}
