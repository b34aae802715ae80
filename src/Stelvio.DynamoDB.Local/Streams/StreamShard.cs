namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>
/// A shard of a stream. The engine keeps one shard per stream, open while the stream is enabled and closed
/// (with an ending sequence number) when it is disabled; AWS's rollover to a child shard every few hours is
/// not reproduced, so <see cref="ParentShardId"/> is always null.
/// </summary>
internal sealed class StreamShard(string shardId, long startingSequence)
{
    public string ShardId { get; } = shardId;

    public string? ParentShardId => null;

    public long StartingSequence { get; } = startingSequence;

    public long? EndingSequence { get; set; }

    /// <summary>A shard id as AWS writes them: <c>shardId-</c>, the creation time in ms (20 digits), 8 hex digits.</summary>
    public static string NewId(DateTimeOffset created) =>
        $"shardId-{created.ToUnixTimeMilliseconds():D20}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 4))}";
}
