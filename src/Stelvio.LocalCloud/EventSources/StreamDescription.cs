using System.Text.Json;
using Stelvio.DynamoDB.Local;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>What a mapping needs to know of its stream, asked of the engine with DescribeStream: the table, the shard, the partition key.</summary>
internal sealed record StreamDescription(string TableName, string ShardId, string? PartitionKey)
{
    public static StreamDescription Describe(DynamoEngine engine, LocalEventSourceMapping mapping)
    {
        byte[] response;
        try
        {
            response = engine.Invoke("DynamoDBStreams_20120810.DescribeStream",
                JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["StreamArn"] = mapping.EventSourceArn }));
        }
        catch (DynamoDbException error)
        {
            throw new EventSourceMappingException(
                $"Event source mapping {mapping.LogicalId}: EventSourceArn {mapping.EventSourceArn} is not a stream of the local engine ({error.Message}). Point it at the table's StreamArn and give the table a StreamSpecification.", error);
        }
        using var document = JsonDocument.Parse(response);
        var description = document.RootElement.GetProperty("StreamDescription");
        var shards = description.GetProperty("Shards");
        var shardId = shards.GetArrayLength() > 0 ? shards[0].GetProperty("ShardId").GetString()! : "";
        string? partitionKey = null;
        foreach (var element in description.GetProperty("KeySchema").EnumerateArray())
        {
            if (element.GetProperty("KeyType").GetString() == "HASH")
            {
                partitionKey = element.GetProperty("AttributeName").GetString();
            }
        }
        return new StreamDescription(description.GetProperty("TableName").GetString()!, shardId, partitionKey);
    }

    /// <summary>The table of a stream ARN (<c>arn:aws:dynamodb:region:account:table/NAME/stream/LABEL</c>), or null.</summary>
    public static string TableOf(string streamArn)
    {
        var parts = streamArn.Split(':', 6);
        var resource = parts.Length == 6 ? parts[5].Split('/') : [];
        return parts.Length == 6 && parts[2] == "dynamodb" && resource.Length == 4 && resource[0] == "table" && resource[2] == "stream"
            ? resource[1]
            : "";
    }
}
