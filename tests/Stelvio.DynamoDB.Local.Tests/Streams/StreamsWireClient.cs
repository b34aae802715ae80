using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stelvio.DynamoDB.Local.Tests.Streams;

/// <summary>
/// The DynamoDB Streams API over HTTP as an SDK sends it (AWS JSON 1.0, <c>X-Amz-Target: DynamoDBStreams_20120810.*</c>).
/// AWSSDK.DynamoDBv2 4.x no longer carries a Streams client and its separate package is not available here, so
/// these tests speak the wire; the AWS CLI and boto3 tests read the same responses through AWS's own models.
/// </summary>
internal sealed class StreamsWireClient(Uri endpoint)
{
    private static readonly HttpClient Http = new();

    public async Task<JsonNode> CallAsync(string operation, object request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDBStreams_20120810." + operation);
        message.Content = new StringContent(JsonSerializer.Serialize(request), Encoding.UTF8);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        using var response = await Http.SendAsync(message);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (!response.IsSuccessStatusCode)
        {
            var type = body["__type"]!.GetValue<string>();
            throw new StreamsError(type[(type.IndexOf('#') + 1)..], body["message"]?.GetValue<string>() ?? body["Message"]!.GetValue<string>(), (int)response.StatusCode);
        }
        return body;
    }

    public async Task<string> LatestIteratorAsync(string streamArn, string type = "TRIM_HORIZON", string? sequenceNumber = null)
    {
        var description = await CallAsync("DescribeStream", new { StreamArn = streamArn });
        var shardId = description["StreamDescription"]!["Shards"]![0]!["ShardId"]!.GetValue<string>();
        var request = new Dictionary<string, string> { ["StreamArn"] = streamArn, ["ShardId"] = shardId, ["ShardIteratorType"] = type };
        if (sequenceNumber is not null)
        {
            request["SequenceNumber"] = sequenceNumber;
        }
        return (await CallAsync("GetShardIterator", request))["ShardIterator"]!.GetValue<string>();
    }

    public async Task<JsonArray> RecordsAsync(string iterator) =>
        (await CallAsync("GetRecords", new { ShardIterator = iterator }))["Records"]!.AsArray();
}

internal sealed class StreamsError(string type, string message, int status) : Exception(message)
{
    public string Type { get; } = type;

    public int Status { get; } = status;
}
