using Stelvio.DynamoDB.Local.Streams;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// Reads the mapping's stream through the engine's change feed, woken by each commit (no polling sleep): keeps the
/// records of the mapping's stream (a table's feed also holds the records of its earlier streams), writes each one's
/// event JSON, drops those no filter matches and hands the rest to their partition key's lane, in order.
/// </summary>
internal sealed class ShardPoller(MappingRunner mapping, ChangeFeed feed, string tableName, string start)
{
    private string _readThrough = start;

    /// <summary>The sequence number of the last record read (handed on or dropped).</summary>
    public string ReadThrough => Volatile.Read(ref _readThrough);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var streamArn = mapping.Mapping.EventSourceArn;
        while (true)
        {
            var records = await feed.ReadBatchAsync(tableName, ReadThrough, 1000, cancellationToken).ConfigureAwait(false);
            mapping.Accept([.. records.Where(record => record.StreamArn == streamArn)]);
            Volatile.Write(ref _readThrough, records[^1].SequenceNumber);
            mapping.Progressed();
        }
    }
}
