using System.Text.Json;
using Stelvio.DynamoDB.Local.Protocol;

namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>The <c>DynamoDBStreams_20120810.*</c> operations: requests read from the wire, responses written as AWS's.</summary>
internal static class StreamsOperations
{
    public static void Register(OperationRegistry registry)
    {
        const string Service = OperationRegistry.DynamoDBStreams;
        registry.Add(Service, "ListStreams", ListStreams);
        registry.Add(Service, "DescribeStream", DescribeStream);
        registry.Add(Service, "GetShardIterator", GetShardIterator);
        registry.Add(Service, "GetRecords", GetRecords);
    }

    private static void ListStreams(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var result = engine.Streams.ListStreams(
            Wire.String(request, "TableName"), Wire.Long(request, "Limit"), Wire.String(request, "ExclusiveStartStreamArn"));
        response.WriteStartObject();
        response.WriteStartArray("Streams"u8);
        foreach (var stream in result.Streams)
        {
            response.WriteStartObject();
            response.WriteString("StreamArn"u8, stream.StreamArn);
            response.WriteString("TableName"u8, stream.TableName);
            response.WriteString("StreamLabel"u8, stream.StreamLabel);
            response.WriteEndObject();
        }
        response.WriteEndArray();
        if (result.LastEvaluatedStreamArn is not null)
        {
            response.WriteString("LastEvaluatedStreamArn"u8, result.LastEvaluatedStreamArn);
        }
        response.WriteEndObject();
    }

    private static void DescribeStream(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        string? childShardsOf = null;
        if (Wire.Structure(request, "ShardFilter") is { } filter)
        {
            var type = Wire.String(filter, "Type");
            new Validation.Constraints().Enum(type, "shardFilter.type", "CHILD_SHARDS").ThrowIfAny();
            childShardsOf = Wire.String(filter, "ShardId");
        }
        var result = engine.Streams.DescribeStream(
            Wire.String(request, "StreamArn"), Wire.Long(request, "Limit"), Wire.String(request, "ExclusiveStartShardId"), childShardsOf);
        var stream = result.Stream;
        response.WriteStartObject();
        response.WriteStartObject("StreamDescription"u8);
        response.WriteString("StreamArn"u8, stream.StreamArn);
        response.WriteString("StreamLabel"u8, stream.StreamLabel);
        response.WriteString("StreamStatus"u8, result.Status.ToString());
        response.WriteString("StreamViewType"u8, stream.ViewType.ToString());
        TableDescriptionJson.WriteTime(response, "CreationRequestDateTime", stream.CreatedAt);
        response.WriteString("TableName"u8, stream.TableName);
        response.WriteStartArray("KeySchema"u8);
        foreach (var element in stream.KeySchema)
        {
            response.WriteStartObject();
            response.WriteString("AttributeName"u8, element.AttributeName);
            response.WriteString("KeyType"u8, element.KeyType);
            response.WriteEndObject();
        }
        response.WriteEndArray();
        response.WriteStartArray("Shards"u8);
        foreach (var shard in result.Shards)
        {
            response.WriteStartObject();
            response.WriteString("ShardId"u8, shard.ShardId);
            response.WriteStartObject("SequenceNumberRange"u8);
            response.WriteString("StartingSequenceNumber"u8, SequenceNumbers.Format(shard.StartingSequence));
            if (shard.EndingSequence is { } ending)
            {
                response.WriteString("EndingSequenceNumber"u8, SequenceNumbers.Format(ending));
            }
            response.WriteEndObject();
            if (shard.ParentShardId is not null)
            {
                response.WriteString("ParentShardId"u8, shard.ParentShardId);
            }
            response.WriteEndObject();
        }
        response.WriteEndArray();
        if (result.LastEvaluatedShardId is not null)
        {
            response.WriteString("LastEvaluatedShardId"u8, result.LastEvaluatedShardId);
        }
        response.WriteEndObject();
        response.WriteEndObject();
    }

    private static void GetShardIterator(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var iterator = engine.Streams.GetShardIterator(
            Wire.String(request, "StreamArn"),
            Wire.String(request, "ShardId"),
            Wire.String(request, "ShardIteratorType"),
            Wire.String(request, "SequenceNumber"));
        response.WriteStartObject();
        response.WriteString("ShardIterator"u8, iterator);
        response.WriteEndObject();
    }

    private static void GetRecords(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var result = engine.Streams.GetRecords(Wire.String(request, "ShardIterator"), Wire.Long(request, "Limit"));
        response.WriteStartObject();
        response.WriteStartArray("Records"u8);
        foreach (var record in result.Records)
        {
            WriteRecord(response, record);
        }
        response.WriteEndArray();
        if (result.NextShardIterator is not null)
        {
            response.WriteString("NextShardIterator"u8, result.NextShardIterator);
        }
        response.WriteEndObject();
    }

    /// <summary>A record as GetRecords returns it (the Streams API's member names, e.g. <c>userIdentity.PrincipalId</c>).</summary>
    internal static void WriteRecord(Utf8JsonWriter writer, StreamRecord record)
    {
        writer.WriteStartObject();
        WriteChange(writer, record);
        if (record.ByTimeToLive)
        {
            writer.WriteStartObject("userIdentity"u8);
            writer.WriteString("PrincipalId"u8, "dynamodb.amazonaws.com");
            writer.WriteString("Type"u8, "Service");
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>
    /// The members a record has in both of its forms, GetRecords' and Lambda's event: <c>eventID</c> to the
    /// <c>dynamodb</c> object (keys, images, sequence number, size, view type).
    /// </summary>
    internal static void WriteChange(Utf8JsonWriter writer, StreamRecord record)
    {
        writer.WriteString("eventID"u8, record.EventId);
        writer.WriteString("eventName"u8, record.EventName);
        writer.WriteString("eventVersion"u8, record.EventVersion);
        writer.WriteString("eventSource"u8, record.EventSource);
        writer.WriteString("awsRegion"u8, record.AwsRegion);
        writer.WriteStartObject("dynamodb"u8);
        writer.WriteNumber("ApproximateCreationDateTime"u8, record.ApproximateCreationDateTime.ToUnixTimeSeconds());
        AttributeValueJson.WriteItem(writer, "Keys", record.Keys);
        if (record.NewImage is not null)
        {
            AttributeValueJson.WriteItem(writer, "NewImage", record.NewImage);
        }
        if (record.OldImage is not null)
        {
            AttributeValueJson.WriteItem(writer, "OldImage", record.OldImage);
        }
        writer.WriteString("SequenceNumber"u8, record.SequenceNumber);
        writer.WriteNumber("SizeBytes"u8, record.SizeBytes);
        writer.WriteString("StreamViewType"u8, record.StreamViewType.ToString());
        writer.WriteEndObject();
    }
}
