using System.Text.Json.Nodes;

namespace Stelvio.DynamoDB.Local.Tests.Clients;

/// <summary>The AWS CLI (<c>aws dynamodb</c>, <c>aws dynamodbstreams</c>) drives the engine through --endpoint-url.</summary>
public sealed class AwsCliTests : IAsyncLifetime
{
    private LocalDynamo _db = null!;

    public async Task InitializeAsync() => _db = await LocalDynamo.StartAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<JsonNode> AwsAsync(params string[] arguments)
    {
        var output = await ExternalProcess.RunAsync("aws", [.. arguments, "--endpoint-url", _db.Endpoint.ToString(), "--output", "json"]);
        return string.IsNullOrWhiteSpace(output) ? new JsonObject() : JsonNode.Parse(output)!;
    }

    [Fact]
    public async Task Create_put_get_and_read_the_stream()
    {
        var created = await AwsAsync(
            "dynamodb", "create-table", "--table-name", "cli-orders",
            "--attribute-definitions", "AttributeName=pk,AttributeType=S", "AttributeName=sk,AttributeType=N",
            "--key-schema", "AttributeName=pk,KeyType=HASH", "AttributeName=sk,KeyType=RANGE",
            "--billing-mode", "PAY_PER_REQUEST",
            "--stream-specification", "StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES");
        var streamArn = created["TableDescription"]!["LatestStreamArn"]!.GetValue<string>();

        await AwsAsync("dynamodb", "put-item", "--table-name", "cli-orders", "--item", """{"pk":{"S":"c1"},"sk":{"N":"1.50"},"total":{"N":"12"}}""");
        var got = await AwsAsync("dynamodb", "get-item", "--table-name", "cli-orders", "--key", """{"pk":{"S":"c1"},"sk":{"N":"1.5"}}""");
        Assert.Equal("""{"pk":{"S":"c1"},"sk":{"N":"1.5"},"total":{"N":"12"}}""", Sorted(got["Item"]!));
        await AwsAsync("dynamodb", "put-item", "--table-name", "cli-orders", "--item", """{"pk":{"S":"c1"},"sk":{"N":"3"}}""");
        var queried = await AwsAsync(
            "dynamodb", "query", "--table-name", "cli-orders",
            "--key-condition-expression", "pk = :c AND sk > :min",
            "--expression-attribute-values", """{":c":{"S":"c1"},":min":{"N":"1"}}""",
            "--no-scan-index-forward");
        Assert.Equal(["3", "1.5"], queried["Items"]!.AsArray().Select(i => i!["sk"]!["N"]!.GetValue<string>()));

        var streams = await AwsAsync("dynamodbstreams", "list-streams", "--table-name", "cli-orders");
        Assert.Equal(streamArn, streams["Streams"]![0]!["StreamArn"]!.GetValue<string>());
        var description = await AwsAsync("dynamodbstreams", "describe-stream", "--stream-arn", streamArn);
        Assert.Equal("ENABLED", description["StreamDescription"]!["StreamStatus"]!.GetValue<string>());
        var shardId = description["StreamDescription"]!["Shards"]![0]!["ShardId"]!.GetValue<string>();
        var iterator = await AwsAsync("dynamodbstreams", "get-shard-iterator", "--stream-arn", streamArn, "--shard-id", shardId, "--shard-iterator-type", "TRIM_HORIZON");
        var records = await AwsAsync("dynamodbstreams", "get-records", "--shard-iterator", iterator["ShardIterator"]!.GetValue<string>());

        Assert.Equal(2, records["Records"]!.AsArray().Count);
        var record = records["Records"]![0]!;
        Assert.Equal("INSERT", record["eventName"]!.GetValue<string>());
        Assert.Equal("aws:dynamodb", record["eventSource"]!.GetValue<string>());
        Assert.Equal("""{"pk":{"S":"c1"},"sk":{"N":"1.5"},"total":{"N":"12"}}""", Sorted(record["dynamodb"]!["NewImage"]!));
        Assert.NotNull(records["NextShardIterator"]);
    }

    [Fact]
    public async Task Errors_reach_the_CLI_with_AWS_type_and_message()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AwsAsync(
            "dynamodbstreams", "describe-stream", "--stream-arn", "arn:aws:dynamodb:us-east-1:000000000000:table/none/stream/2026-01-01T00:00:00.000"));
        Assert.Contains(
            "An error occurred (ResourceNotFoundException) when calling the DescribeStream operation: Requested resource not found: Stream: arn:aws:dynamodb:us-east-1:000000000000:table/none/stream/2026-01-01T00:00:00.000 not found",
            error.Message,
            StringComparison.Ordinal);
    }

    private static string Sorted(JsonNode item) =>
        new JsonObject(item.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString();
}
