using Stelvio.DynamoDB.Local.Storage;

namespace Stelvio.DynamoDB.Local.Persistence;

/// <summary>
/// The kinds of frame in the log and the snapshot, and how each is written and folded into a
/// <see cref="PersistedState"/>. Folding is idempotent: every frame states a result, not a step.
/// </summary>
internal static class LogRecord
{
    public const byte TablePut = 1;
    public const byte TableDelete = 2;
    public const byte Commit = 3;
    public const byte StreamPut = 4;
    public const byte ItemPut = 5;
    public const byte StreamRecord = 6;
    public const byte End = 7;

    public static void WriteTablePut(RecordWriter writer, string name, byte[] definition)
    {
        writer.WriteByte(TablePut);
        writer.String(name);
        writer.Bytes(definition);
    }

    public static void WriteTableDelete(RecordWriter writer, string name)
    {
        writer.WriteByte(TableDelete);
        writer.String(name);
    }

    public static void WriteStreamPut(RecordWriter writer, string arn, byte[] info)
    {
        writer.WriteByte(StreamPut);
        writer.String(arn);
        writer.Bytes(info);
    }

    public static void WriteCommit(RecordWriter writer, Commit commit, IReadOnlyList<PersistedStreamRecord> records)
    {
        writer.WriteByte(Commit);
        writer.Time(commit.Time);
        writer.UInt((ulong)commit.Changes.Count);
        foreach (var change in commit.Changes)
        {
            writer.String(change.TableName);
            writer.Item(change.Keys);
            if (change.NewImage is null)
            {
                writer.WriteByte(0);
            }
            else
            {
                writer.WriteByte(1);
                writer.Item(change.NewImage);
            }
        }
        writer.UInt((ulong)records.Count);
        foreach (var record in records)
        {
            WriteRecordBody(writer, record);
        }
    }

    public static void WriteItemPut(RecordWriter writer, string table, PersistedItem item)
    {
        writer.WriteByte(ItemPut);
        writer.String(table);
        writer.Item(item.Keys);
        writer.Item(item.Item);
    }

    public static void WriteStreamRecord(RecordWriter writer, PersistedStreamRecord record)
    {
        writer.WriteByte(StreamRecord);
        WriteRecordBody(writer, record);
    }

    public static void WriteEnd(RecordWriter writer, long frames)
    {
        writer.WriteByte(End);
        writer.UInt((ulong)frames);
    }

    /// <summary>Folds one frame into <paramref name="state"/>; returns the frame count an End frame states, else -1.</summary>
    public static long Fold(ReadOnlyMemory<byte> frame, PersistedState state)
    {
        var reader = new RecordReader(frame);
        var kind = reader.Byte();
        switch (kind)
        {
            case TablePut:
                {
                    var name = reader.String();
                    state.PutTable(name, reader.Bytes());
                    break;
                }
            case TableDelete:
                state.Tables.Remove(reader.String());
                break;
            case StreamPut:
                {
                    var arn = reader.String();
                    state.Streams[arn] = reader.Bytes();
                    break;
                }
            case Commit:
                {
                    reader.Time();
                    var changes = reader.Count();
                    for (var i = 0; i < changes; i++)
                    {
                        var table = reader.String();
                        var keys = reader.Item();
                        var newImage = reader.Byte() == 0 ? null : reader.Item();
                        state.Apply(table, keys, newImage);
                    }
                    var records = reader.Count();
                    for (var i = 0; i < records; i++)
                    {
                        var record = ReadRecordBody(reader);
                        state.StreamRecords[record.Sequence] = record;
                    }
                    break;
                }
            case ItemPut:
                {
                    var table = reader.String();
                    var keys = reader.Item();
                    state.Apply(table, keys, reader.Item());
                    break;
                }
            case StreamRecord:
                {
                    var record = ReadRecordBody(reader);
                    state.StreamRecords[record.Sequence] = record;
                    break;
                }
            case End:
                return (long)reader.UInt();
            default:
                throw new CorruptStoreException($"unknown frame kind {kind}");
        }
        return -1;
    }

    private static void WriteRecordBody(RecordWriter writer, PersistedStreamRecord record)
    {
        writer.Long(record.Sequence);
        writer.Time(record.Time);
        writer.Bytes(record.Payload);
    }

    private static PersistedStreamRecord ReadRecordBody(RecordReader reader)
    {
        var sequence = reader.Long();
        var time = reader.Time();
        return new PersistedStreamRecord(sequence, time, reader.Bytes());
    }
}
