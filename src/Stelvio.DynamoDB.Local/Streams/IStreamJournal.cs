namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>
/// How persistence keeps streams across restarts: the <see cref="StreamStore"/> reports every stream created,
/// every stream disabled and every batch of records appended (one commit's records, in order, before the write
/// is acknowledged); on start, persistence gives back what it kept through <see cref="StreamStore.Restore"/>.
/// Records past the retention period need not be kept: the store trims them on restore.
/// </summary>
internal interface IStreamJournal
{
    void StreamCreated(StreamInfo stream);

    void StreamDisabled(StreamInfo stream);

    void RecordsAppended(IReadOnlyList<StreamRecord> records);
}
