using System.Text.RegularExpressions;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>
/// The four DynamoDB Streams operations over the <see cref="StreamStore"/>: shape checks first (AWS's
/// "N validation errors detected" messages), then the streams, shards and iterators they name.
/// </summary>
internal sealed partial class StreamsService(StreamStore store)
{
    /// <summary>The most bytes of records GetRecords returns: 1 MB, as AWS.</summary>
    public const long MaxRecordsBytes = 1024 * 1024;

    private static readonly string[] IteratorTypes = ["TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"];

    public StreamStore Store => store;

    public ListStreamsResult ListStreams(string? tableName, long? limit, string? exclusiveStartStreamArn)
    {
        var constraints = new Constraints();
        if (tableName is not null)
        {
            constraints.Name(tableName, "tableName");
        }
        constraints.AtLeast(limit, "limit", 1).AtMost(limit, "limit", 100)
            .Length(exclusiveStartStreamArn, "exclusiveStartStreamArn", 37, 1024)
            .ThrowIfAny();
        var streams = store.List(tableName);
        var start = 0;
        if (exclusiveStartStreamArn is not null)
        {
            CheckArn(exclusiveStartStreamArn);
            var index = streams.ToList().FindIndex(s => s.StreamArn == exclusiveStartStreamArn);
            start = index < 0 ? throw StreamErrors.StreamNotFound(exclusiveStartStreamArn) : index + 1;
        }
        var page = streams.Skip(start).Take((int)(limit ?? 100)).ToList();
        var more = start + page.Count < streams.Count;
        return new ListStreamsResult(page, more ? page[^1].StreamArn : null);
    }

    public DescribeStreamResult DescribeStream(string? streamArn, long? limit, string? exclusiveStartShardId, string? childShardsOf = null)
    {
        new Constraints()
            .NotNull(streamArn, "streamArn").Length(streamArn, "streamArn", 37, 1024)
            .AtLeast(limit, "limit", 1).AtMost(limit, "limit", 100)
            .Length(exclusiveStartShardId, "exclusiveStartShardId", 28, 65)
            .ThrowIfAny();
        CheckArn(streamArn!);
        return store.With(streamArn!, stream =>
        {
            var shard = new ShardDescription(stream.Shard.ShardId, stream.Shard.ParentShardId, stream.Shard.StartingSequence, stream.Shard.EndingSequence);
            IEnumerable<ShardDescription> shards = [shard];
            if (childShardsOf is not null)
            {
                shards = shards.Where(s => s.ParentShardId == childShardsOf);
            }
            if (exclusiveStartShardId is not null)
            {
                shards = shards.Where(s => string.CompareOrdinal(s.ShardId, exclusiveStartShardId) > 0);
            }
            var all = shards.ToList();
            var page = all.Take((int)(limit ?? 100)).ToList();
            return new DescribeStreamResult(stream.Info, stream.Status, page, page.Count < all.Count ? page[^1].ShardId : null);
        }) ?? throw StreamErrors.StreamNotFound(streamArn!);
    }

    public string GetShardIterator(string? streamArn, string? shardId, string? shardIteratorType, string? sequenceNumber)
    {
        new Constraints()
            .NotNull(streamArn, "streamArn").Length(streamArn, "streamArn", 37, 1024)
            .NotNull(shardId, "shardId").Length(shardId, "shardId", 28, 65)
            .NotNull(shardIteratorType, "shardIteratorType").Enum(shardIteratorType, "shardIteratorType", IteratorTypes)
            .Length(sequenceNumber, "sequenceNumber", 21, 40)
            .ThrowIfAny();
        var bySequence = shardIteratorType is "AT_SEQUENCE_NUMBER" or "AFTER_SEQUENCE_NUMBER";
        if (bySequence && sequenceNumber is null)
        {
            throw DynamoDbException.Validation($"Must specify a sequence number for shard iterator type {shardIteratorType}.");
        }
        if (!bySequence && sequenceNumber is not null)
        {
            throw DynamoDbException.Validation($"Must not specify a sequence number for shard iterator type {shardIteratorType}.");
        }
        if (sequenceNumber is not null && !SequenceNumbers.IsWellFormed(sequenceNumber))
        {
            throw DynamoDbException.Validation($"Invalid SequenceNumber: {sequenceNumber}");
        }
        CheckArn(streamArn!);
        var now = store.Time.GetUtcNow();
        var position = store.With(streamArn!, stream =>
        {
            if (stream.Shard.ShardId != shardId)
            {
                throw StreamErrors.ShardNotFound();
            }
            long after;
            switch (shardIteratorType)
            {
                case "TRIM_HORIZON":
                    after = stream.TrimmedThrough;
                    break;
                case "LATEST":
                    after = stream.Shard.EndingSequence ?? Math.Max(stream.TrimmedThrough, store.LastSequence);
                    break;
                default:
                    if (!SequenceNumbers.TryParse(sequenceNumber!, out var sequence) || sequence < stream.Shard.StartingSequence
                        || sequence > stream.Shard.EndingSequence)
                    {
                        throw DynamoDbException.Validation($"Invalid SequenceNumber {sequenceNumber} for shard {shardId}");
                    }
                    if (sequence <= stream.TrimmedThrough)
                    {
                        throw StreamErrors.Trimmed();
                    }
                    after = shardIteratorType == "AT_SEQUENCE_NUMBER" ? sequence - 1 : sequence;
                    break;
            }
            return new ShardPosition(stream.Arn, stream.Shard.ShardId, after, now);
        });
        return ShardIterators.Encode(position ?? throw StreamErrors.StreamNotFound(streamArn!));
    }

    public GetRecordsResult GetRecords(string? shardIterator, long? limit)
    {
        new Constraints()
            .NotNull(shardIterator, "shardIterator").Length(shardIterator, "shardIterator", 1, 2048)
            .AtLeast(limit, "limit", 1).AtMost(limit, "limit", 1000)
            .ThrowIfAny();
        if (!ShardIterators.TryDecode(shardIterator!, out var position) || !ArnPattern().IsMatch(position.StreamArn))
        {
            throw StreamErrors.InvalidShardIterator();
        }
        var now = store.Time.GetUtcNow();
        if (now - position.Issued > ShardIterators.Lifetime)
        {
            throw StreamErrors.ExpiredIterator();
        }
        return store.With(position.StreamArn, stream =>
        {
            if (stream.Shard.ShardId != position.ShardId)
            {
                throw StreamErrors.InvalidShardIterator();
            }
            if (position.After < stream.TrimmedThrough)
            {
                throw StreamErrors.Trimmed();
            }
            var records = new List<StreamRecord>();
            long bytes = 0;
            for (var i = stream.IndexAfter(position.After); i < stream.Records.Count && records.Count < (limit ?? 1000); i++)
            {
                var record = stream.Records[i];
                if (records.Count > 0 && bytes + record.SizeBytes > MaxRecordsBytes)
                {
                    break;
                }
                bytes += record.SizeBytes;
                records.Add(record);
            }
            var after = records.Count > 0 ? records[^1].Sequence : position.After;
            var exhausted = stream.Shard.EndingSequence is { } end && after >= end;
            var next = exhausted ? null : ShardIterators.Encode(position with { After = after, Issued = now });
            return new GetRecordsResult(records, next);
        }) ?? throw StreamErrors.StreamNotFound(position.StreamArn);
    }

    private static void CheckArn(string streamArn)
    {
        if (!ArnPattern().IsMatch(streamArn))
        {
            throw StreamErrors.InvalidStreamArn();
        }
    }

    [GeneratedRegex(@"^arn:aws:dynamodb:[^:]+:[^:]+:table/[a-zA-Z0-9_.-]{3,255}/stream/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$")]
    private static partial Regex ArnPattern();
}
