namespace Stelvio.DynamoDB.Local.Streams;

internal sealed record ListStreamsResult(IReadOnlyList<StreamInfo> Streams, string? LastEvaluatedStreamArn);

internal sealed record ShardDescription(string ShardId, string? ParentShardId, long StartingSequence, long? EndingSequence);

internal sealed record DescribeStreamResult(
    StreamInfo Stream, StreamStatus Status, IReadOnlyList<ShardDescription> Shards, string? LastEvaluatedShardId);

internal sealed record GetRecordsResult(IReadOnlyList<StreamRecord> Records, string? NextShardIterator);
