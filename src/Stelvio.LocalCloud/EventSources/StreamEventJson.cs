using System.Buffers;
using System.Text.Json;
using Stelvio.DynamoDB.Local.Streams;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// The event Lambda delivers for DynamoDB stream records: <c>{"Records":[…]}</c>, each record with <c>eventID</c>,
/// <c>eventName</c>, <c>eventVersion</c> ("1.1"), <c>eventSource</c> ("aws:dynamodb"), <c>awsRegion</c>, <c>dynamodb</c>
/// (<c>ApproximateCreationDateTime</c> in epoch seconds, <c>Keys</c>, <c>NewImage</c>/<c>OldImage</c> as the view type
/// has them, <c>SequenceNumber</c>, <c>SizeBytes</c>, <c>StreamViewType</c>), <c>eventSourceARN</c>, and for a Time to
/// Live deletion <c>userIdentity</c> <c>{"type":"Service","principalId":"dynamodb.amazonaws.com"}</c> (Lambda's
/// casing; the Streams API's GetRecords writes <c>Type</c>/<c>PrincipalId</c>).
/// </summary>
internal static class StreamEventJson
{
    /// <summary>One record's JSON, as it appears in <c>Records</c>.</summary>
    public static byte[] Record(StreamRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            StreamsOperations.WriteChange(writer, record);
            writer.WriteString("eventSourceARN"u8, record.StreamArn);
            if (record.ByTimeToLive)
            {
                writer.WriteStartObject("userIdentity"u8);
                writer.WriteString("type"u8, "Service");
                writer.WriteString("principalId"u8, "dynamodb.amazonaws.com");
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The bytes the batch adds around its records: <c>{"Records":[</c>, the commas, <c>]}</c>.</summary>
    public static int Overhead(int records) => 14 + Math.Max(0, records - 1);

    /// <summary>The event for a batch of records already written with <see cref="Record"/>.</summary>
    public static byte[] Batch(IReadOnlyList<PendingRecord> records)
    {
        var size = Overhead(records.Count) + records.Sum(r => r.Json.Length);
        var payload = new byte[size];
        var span = payload.AsSpan();
        "{\"Records\":["u8.CopyTo(span);
        var at = 12;
        for (var i = 0; i < records.Count; i++)
        {
            if (i > 0)
            {
                span[at++] = (byte)',';
            }
            records[i].Json.CopyTo(span[at..]);
            at += records[i].Json.Length;
        }
        "]}"u8.CopyTo(span[at..]);
        return payload;
    }
}
