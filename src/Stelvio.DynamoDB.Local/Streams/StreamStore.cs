using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Storage;

namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>
/// The engine's streams: for every table whose stream is enabled, the records of its committed changes.
/// Storage calls <see cref="OnCommit"/> with each commit in commit order before acknowledging it, so every
/// change is one record, a commit's records get consecutive sequence numbers and are appended together (a
/// transaction's records are never seen in part), and a reader never misses an acknowledged write.
/// Records are kept for <see cref="Retention"/>, as are disabled streams, measured by the engine's
/// <see cref="TimeProvider"/>.
/// </summary>
internal sealed class StreamStore : ICommitListener
{
    /// <summary>How long records and disabled streams stay readable: 24 hours, as AWS.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private readonly List<TableStream> _streams = [];
    private readonly Dictionary<string, TableStream> _enabled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);
    private readonly Func<IReadOnlyDictionary<string, AttributeValue>, int> _itemSize;
    private readonly IStreamJournal? _journal;
    private long _nextSequence = 1;

    public StreamStore(
        string region,
        string accountId,
        TimeProvider time,
        Func<IReadOnlyDictionary<string, AttributeValue>, int> itemSize,
        IStreamJournal? journal = null)
    {
        Region = region;
        AccountId = accountId;
        Time = time;
        _itemSize = itemSize;
        _journal = journal;
    }

    public string Region { get; }

    public string AccountId { get; }

    public TimeProvider Time { get; }

    /// <summary>The sequence number of the last record written (0 before any).</summary>
    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _nextSequence - 1;
            }
        }
    }

    /// <summary>
    /// Starts a new stream for the table, as enabling a stream does. Its ARN and label (the creation time, ISO 8601
    /// with milliseconds) are the ones DescribeTable shows as LatestStreamArn/LatestStreamLabel; a table's streams
    /// never share a label.
    /// </summary>
    public StreamInfo Enable(string tableName, string streamArn, string label, StreamViewType viewType, IReadOnlyList<StreamKeyElement> keySchema)
    {
        var created = TableStream.ParseLabel(label);
        lock (_gate)
        {
            TrimLocked();
            if (_enabled.ContainsKey(tableName) || _streams.Any(s => s.Arn == streamArn))
            {
                throw new InvalidOperationException($"Table {tableName} already has an enabled stream or a stream {streamArn}.");
            }
            var info = new StreamInfo(streamArn, label, tableName, keySchema, viewType, created, StreamShard.NewId(created), _nextSequence);
            var stream = new TableStream(info);
            _streams.Add(stream);
            _enabled[tableName] = stream;
            _journal?.StreamCreated(info);
            return info;
        }
    }

    /// <summary>Disables the table's stream, if it has one: its shard closes, its records stay readable.</summary>
    public void Disable(string tableName)
    {
        lock (_gate)
        {
            if (_enabled.Remove(tableName, out var stream))
            {
                stream.Disable(Time.GetUtcNow(), _nextSequence - 1);
                _journal?.StreamDisabled(stream.Info);
                WakeLocked(tableName);
            }
        }
    }

    public void OnCommit(Commit commit)
    {
        lock (_gate)
        {
            if (_enabled.Count == 0)
            {
                return;
            }
            List<StreamRecord>? appended = null;
            foreach (var change in commit.Changes)
            {
                if (!_enabled.TryGetValue(change.TableName, out var stream))
                {
                    continue;
                }
                var record = NewRecord(stream.Info, change, commit, _nextSequence++);
                stream.Append(record);
                (appended ??= []).Add(record);
            }
            if (appended is null)
            {
                return;
            }
            _journal?.RecordsAppended(appended);
            foreach (var table in appended.Select(r => r.TableName).Distinct(StringComparer.Ordinal))
            {
                WakeLocked(table);
            }
        }
    }

    private StreamRecord NewRecord(StreamInfo stream, ItemChange change, Commit commit, long sequence)
    {
        var view = stream.ViewType;
        var newImage = view is StreamViewType.NEW_IMAGE or StreamViewType.NEW_AND_OLD_IMAGES ? change.NewImage : null;
        var oldImage = view is StreamViewType.OLD_IMAGE or StreamViewType.NEW_AND_OLD_IMAGES ? change.OldImage : null;
        var size = (long)_itemSize(change.Keys) + (newImage is null ? 0 : _itemSize(newImage)) + (oldImage is null ? 0 : _itemSize(oldImage));
        return new StreamRecord
        {
            EventId = Guid.NewGuid().ToString("N"),
            EventName = change.EventName,
            AwsRegion = Region,
            StreamArn = stream.StreamArn,
            TableName = change.TableName,
            ApproximateCreationDateTime = DateTimeOffset.FromUnixTimeSeconds(commit.Time.ToUnixTimeSeconds()),
            Keys = change.Keys,
            NewImage = newImage,
            OldImage = oldImage,
            SizeBytes = size,
            StreamViewType = view,
            ByTimeToLive = commit.ByTimeToLive,
            Sequence = sequence,
        };
    }

    /// <summary>The streams still readable, oldest first, optionally of one table.</summary>
    public IReadOnlyList<StreamInfo> List(string? tableName = null)
    {
        lock (_gate)
        {
            TrimLocked();
            return [.. _streams.Where(s => tableName is null || s.TableName == tableName).Select(s => s.Info)];
        }
    }

    /// <summary>Runs <paramref name="read"/> on the stream with that ARN under the store's lock; null if there is none.</summary>
    public T? With<T>(string streamArn, Func<TableStream, T> read)
        where T : class
    {
        lock (_gate)
        {
            TrimLocked();
            var stream = _streams.Find(s => s.Arn == streamArn);
            return stream is null ? null : read(stream);
        }
    }

    /// <summary>
    /// The table's records after sequence number <paramref name="after"/> (across its streams, in order), at most
    /// <paramref name="max"/>; when there are none, <paramref name="changed"/> completes at the table's next record.
    /// </summary>
    public IReadOnlyList<StreamRecord> ReadTable(string tableName, long after, int max, out Task changed)
    {
        lock (_gate)
        {
            TrimLocked();
            var records = new List<StreamRecord>();
            foreach (var stream in _streams.Where(s => s.TableName == tableName))
            {
                for (var i = stream.IndexAfter(after); i < stream.Records.Count && records.Count < max; i++)
                {
                    records.Add(stream.Records[i]);
                }
            }
            if (records.Count > 0)
            {
                changed = Task.CompletedTask;
                return records;
            }
            if (!_waiters.TryGetValue(tableName, out var waiter))
            {
                waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters[tableName] = waiter;
            }
            changed = waiter.Task;
            return records;
        }
    }

    /// <summary>The table's oldest retained record's predecessor: where a reader from the start begins.</summary>
    public long TableHorizon(string tableName)
    {
        lock (_gate)
        {
            TrimLocked();
            var streams = _streams.Where(s => s.TableName == tableName).ToList();
            return streams.Count == 0 ? _nextSequence - 1 : streams[0].TrimmedThrough;
        }
    }

    /// <summary>Gives back the streams persistence kept (see <see cref="IStreamJournal"/>); call before any commit.</summary>
    public void Restore(IEnumerable<StreamInfo> streams, IEnumerable<StreamRecord> records)
    {
        lock (_gate)
        {
            if (_streams.Count > 0)
            {
                throw new InvalidOperationException("Streams are restored once, before the engine takes writes.");
            }
            foreach (var info in streams.OrderBy(s => s.StartingSequence))
            {
                var stream = new TableStream(info);
                _streams.Add(stream);
                if (info.DisabledAt is null)
                {
                    _enabled[info.TableName] = stream;
                }
                _nextSequence = Math.Max(_nextSequence, Math.Max(info.StartingSequence, (info.EndingSequence ?? 0) + 1));
            }
            foreach (var record in records.OrderBy(r => r.Sequence))
            {
                _streams.Find(s => s.Arn == record.StreamArn)?.Append(record);
                _nextSequence = Math.Max(_nextSequence, record.Sequence + 1);
            }
            TrimLocked();
        }
    }

    private void TrimLocked()
    {
        var cutoff = Time.GetUtcNow() - Retention;
        _streams.RemoveAll(s => s.Info.DisabledAt is { } disabled && disabled <= cutoff);
        foreach (var stream in _streams)
        {
            stream.Trim(cutoff);
        }
    }

    private void WakeLocked(string tableName)
    {
        if (_waiters.Remove(tableName, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
