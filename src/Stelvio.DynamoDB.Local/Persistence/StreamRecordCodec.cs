using Stelvio.DynamoDB.Local.Streams;

namespace Stelvio.DynamoDB.Local.Persistence;

/// <summary>The binary form of a <see cref="StreamRecord"/> in the data directory.</summary>
internal static class StreamRecordCodec
{
    public static byte[] Write(StreamRecord record)
    {
        var writer = new RecordWriter(512);
        writer.Long(record.Sequence);
        writer.String(record.EventId);
        writer.String(record.EventName);
        writer.String(record.AwsRegion);
        writer.String(record.StreamArn);
        writer.String(record.TableName);
        writer.Time(record.ApproximateCreationDateTime);
        writer.Item(record.Keys);
        Image(writer, record.NewImage);
        Image(writer, record.OldImage);
        writer.Long(record.SizeBytes);
        writer.WriteByte((byte)record.StreamViewType);
        writer.WriteByte(record.ByTimeToLive ? (byte)1 : (byte)0);
        return writer.WrittenSpan.ToArray();
    }

    public static StreamRecord Read(byte[] payload)
    {
        var reader = new RecordReader(payload);
        var sequence = reader.Long();
        return new StreamRecord
        {
            Sequence = sequence,
            EventId = reader.String(),
            EventName = reader.String(),
            AwsRegion = reader.String(),
            StreamArn = reader.String(),
            TableName = reader.String(),
            ApproximateCreationDateTime = reader.Time(),
            Keys = reader.Item(),
            NewImage = reader.Byte() == 0 ? null : reader.Item(),
            OldImage = reader.Byte() == 0 ? null : reader.Item(),
            SizeBytes = reader.Long(),
            StreamViewType = (StreamViewType)reader.Byte(),
            ByTimeToLive = reader.Byte() != 0,
        };
    }

    private static void Image(RecordWriter writer, IReadOnlyDictionary<string, Model.AttributeValue>? image)
    {
        if (image is null)
        {
            writer.WriteByte(0);
            return;
        }
        writer.WriteByte(1);
        writer.Item(image);
    }
}
