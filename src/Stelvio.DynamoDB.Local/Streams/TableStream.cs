using System.Globalization;

namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>
/// One stream of one table: created when the table's stream is enabled, DISABLED (its shard closed) when the
/// stream is disabled or the table deleted, and kept readable until the retention period has passed.
/// All members are used under the <see cref="StreamStore"/>'s lock.
/// </summary>
internal sealed class TableStream
{
    private readonly List<StreamRecord> _records = [];

    public TableStream(StreamInfo info)
    {
        Info = info;
        Shard = new StreamShard(info.ShardId, info.StartingSequence);
        TrimmedThrough = info.StartingSequence - 1;
        if (info.DisabledAt is not null)
        {
            Shard.EndingSequence = info.EndingSequence ?? info.StartingSequence;
        }
    }

    public StreamInfo Info { get; private set; }

    public string Arn => Info.StreamArn;

    public string TableName => Info.TableName;

    public StreamShard Shard { get; }

    public StreamStatus Status => Info.DisabledAt is null ? StreamStatus.ENABLED : StreamStatus.DISABLED;

    /// <summary>Records up to this sequence number have been trimmed (or never belonged to the shard).</summary>
    public long TrimmedThrough { get; private set; }

    public IReadOnlyList<StreamRecord> Records => _records;

    public void Append(StreamRecord record) => _records.Add(record);

    public void Disable(DateTimeOffset at, long lastSequence)
    {
        var ending = _records.Count > 0 ? _records[^1].Sequence : Math.Max(Shard.StartingSequence, lastSequence);
        Shard.EndingSequence = ending;
        Info = Info with { DisabledAt = at, EndingSequence = ending };
    }

    /// <summary>Drops the records older than the retention period.</summary>
    public void Trim(DateTimeOffset cutoff)
    {
        var count = 0;
        while (count < _records.Count && _records[count].ApproximateCreationDateTime <= cutoff)
        {
            count++;
        }
        if (count > 0)
        {
            TrimmedThrough = _records[count - 1].Sequence;
            _records.RemoveRange(0, count);
        }
    }

    /// <summary>The index of the first record with a sequence number above <paramref name="after"/>.</summary>
    public int IndexAfter(long after)
    {
        int low = 0, high = _records.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_records[mid].Sequence <= after)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }

    /// <summary>The creation time a label names (UTC).</summary>
    public static DateTimeOffset ParseLabel(string label) =>
        DateTimeOffset.ParseExact(label, LabelFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private const string LabelFormat = "yyyy-MM-dd'T'HH:mm:ss.fff";

    /// <summary>A stream label as AWS writes them: the creation time, ISO 8601 with milliseconds.</summary>
    public static string Label(DateTimeOffset created) =>
        created.UtcDateTime.ToString(LabelFormat, CultureInfo.InvariantCulture);
}
