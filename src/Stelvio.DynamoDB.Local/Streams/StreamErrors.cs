using Stelvio.DynamoDB.Local.Errors;

namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>The errors DynamoDB Streams returns, with AWS's types and messages.</summary>
internal static class StreamErrors
{
    public static DynamoDbException StreamNotFound(string streamArn) =>
        DynamoDbException.ResourceNotFound($"Requested resource not found: Stream: {streamArn} not found");

    public static DynamoDbException ShardNotFound() =>
        DynamoDbException.ResourceNotFound("Requested resource not found: Shard does not exist");

    public static DynamoDbException InvalidStreamArn() => DynamoDbException.Validation("Invalid StreamArn");

    public static DynamoDbException InvalidShardIterator() => DynamoDbException.Validation("Invalid ShardIterator");

    public static DynamoDbException ExpiredIterator() =>
        new("ExpiredIteratorException", "The provided iterator exceeds the maximum age allowed.");

    public static DynamoDbException Trimmed() =>
        new("TrimmedDataAccessException", "The data you are trying to access has been trimmed.");
}
