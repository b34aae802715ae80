using Stelvio.DynamoDB.Local.Streams;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// Reads the mapping's stream through the engine's change feed, woken by each commit (no polling sleep): keeps the
/// records of the mapping's stream (and, for <c>AT_TIMESTAMP</c>, written in or after the timestamp's second, as record times are whole seconds), writes each
/// one's event JSON, drops those no filter matches and hands the rest to their partition key's lane, in order.
/// </summary>
internal sealed class ShardPoller(MappingRunner mapping, ChangeFeed feed, string tableName, string start)
{
    private string _readThrough = start;

    /// <summary>The sequence number of the last record read (handed on or dropped).</summary>
    public string ReadThrough => Volatile.Read(ref _readThrough);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var streamArn = mapping.Mapping.EventSourceArn;
        var notBefore = mapping.Mapping.StartingPosition == "AT_TIMESTAMP" ? mapping.Mapping.StartingPositionTimestamp : null;
        while (true)
        {
            var records = await feed.ReadBatchAsync(tableName, ReadThrough, 1000, cancellationToken).ConfigureAwait(false);
            mapping.Accept([.. records.Where(record => record.StreamArn == streamArn
                && (notBefore is null || record.ApproximateCreationDateTime.ToUnixTimeSeconds() >= notBefore.Value.ToUnixTimeSeconds()))]);
            Volatile.Write(ref _readThrough, records[^1].SequenceNumber);
            mapping.Progressed();
        }
    }
}
