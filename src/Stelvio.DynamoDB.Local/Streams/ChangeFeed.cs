using System.Runtime.CompilerServices;

namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>
/// The engine's streams in-process: per table, the records of its committed changes as they commit, without
/// polling (a reader waiting for records is woken by the commit that writes them). Records exist while the
/// table's stream is enabled, exactly as GetRecords returns them, in commit order across the table's streams
/// (a disabled and re-enabled stream continues the same feed); they are kept for 24 hours.
/// </summary>
/// <example>
/// <code>
/// await foreach (var record in db.ChangeFeed.SubscribeAsync("orders", cancellationToken: stop))
/// {
///     Console.WriteLine($"{record.EventName} {record.Keys["pk"]}");
/// }
/// </code>
/// </example>
public sealed class ChangeFeed
{
    private readonly StreamStore _store;

    internal ChangeFeed(StreamStore store) => _store = store;

    /// <summary>
    /// The table's records from <paramref name="start"/> on, forever (until cancelled): from the next commit
    /// (<see cref="ChangeFeedStart.Latest"/>, the position is taken when this method is called) or from the
    /// oldest record still kept (<see cref="ChangeFeedStart.TrimHorizon"/>).
    /// </summary>
    public IAsyncEnumerable<StreamRecord> SubscribeAsync(
        string tableName, ChangeFeedStart start = ChangeFeedStart.Latest, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        var after = start == ChangeFeedStart.Latest ? _store.LastSequence : _store.TableHorizon(tableName);
        return Follow(tableName, after, cancellationToken);
    }

    /// <summary>The table's records after the record with sequence number <paramref name="afterSequenceNumber"/>, forever.</summary>
    public IAsyncEnumerable<StreamRecord> SubscribeAsync(
        string tableName, string afterSequenceNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        return Follow(tableName, ParsePosition(afterSequenceNumber), cancellationToken);
    }

    /// <summary>
    /// Waits until the table has records after <paramref name="afterSequenceNumber"/> (null: after the last one
    /// written when called) and returns them, at most <paramref name="maxRecords"/>, in order: a batch, as a
    /// stream consumer such as Lambda's event source mapping reads.
    /// </summary>
    public async Task<IReadOnlyList<StreamRecord>> ReadBatchAsync(
        string tableName, string? afterSequenceNumber, int maxRecords = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        var after = afterSequenceNumber is null ? _store.LastSequence : ParsePosition(afterSequenceNumber);
        while (true)
        {
            var records = _store.ReadTable(tableName, after, maxRecords, out var changed);
            if (records.Count > 0)
            {
                return records;
            }
            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<StreamRecord> Follow(
        string tableName, long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var records = _store.ReadTable(tableName, after, 1000, out var changed);
            if (records.Count == 0)
            {
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            foreach (var record in records)
            {
                yield return record;
                after = record.Sequence;
            }
        }
    }

    private static long ParsePosition(string sequenceNumber) =>
        SequenceNumbers.TryParse(sequenceNumber, out var sequence)
            ? sequence
            : throw new ArgumentException($"'{sequenceNumber}' is not a sequence number of this engine's stream records.", nameof(sequenceNumber));
}
