using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Stelvio.LocalCloud.Lambda;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// The invocation record Lambda sends to a stream mapping's on-failure destination: <c>requestContext</c>
/// (<c>requestId</c>, <c>functionArn</c>, <c>condition</c>, <c>approximateInvokeCount</c>), <c>responseContext</c>
/// (<c>statusCode</c>, <c>executedVersion</c>, <c>functionError</c>; only when the records were invoked), <c>version</c>
/// "1.0", <c>timestamp</c>, and <c>DDBStreamBatchInfo</c> (<c>shardId</c>, <c>startSequenceNumber</c>,
/// <c>endSequenceNumber</c>, <c>approximateArrivalOfFirstRecord</c>, <c>approximateArrivalOfLastRecord</c>,
/// <c>batchSize</c>, <c>streamArn</c>). The records themselves are not in it, as in AWS.
/// </summary>
internal static class FailureRecord
{
    public const string RetryAttemptsExhausted = "RetryAttemptsExhausted";
    public const string RecordAgeExceeded = "RecordAgeExceeded";

    public static string Write(
        string condition,
        string functionArn,
        int invokeCount,
        InvocationResult? lastInvocation,
        DateTimeOffset now,
        string shardId,
        string streamArn,
        IReadOnlyList<PendingRecord> records)
    {
        var buffer = new ArrayBufferWriter<byte>(768);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("requestContext"u8);
            writer.WriteString("requestId"u8, lastInvocation?.RequestId ?? Guid.NewGuid().ToString());
            writer.WriteString("functionArn"u8, functionArn);
            writer.WriteString("condition"u8, condition);
            writer.WriteNumber("approximateInvokeCount"u8, invokeCount);
            writer.WriteEndObject();
            if (lastInvocation is not null)
            {
                writer.WriteStartObject("responseContext"u8);
                writer.WriteNumber("statusCode"u8, 200);
                writer.WriteString("executedVersion"u8, "$LATEST");
                if (lastInvocation.Error is not null)
                {
                    // Errors a function reports through the Runtime API, timeouts and crashes are all "Unhandled".
                    writer.WriteString("functionError"u8, "Unhandled");
                }
                writer.WriteEndObject();
            }
            writer.WriteString("version"u8, "1.0");
            writer.WriteString("timestamp"u8, now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteStartObject("DDBStreamBatchInfo"u8);
            writer.WriteString("shardId"u8, shardId);
            writer.WriteString("startSequenceNumber"u8, records[0].Record.SequenceNumber);
            writer.WriteString("endSequenceNumber"u8, records[^1].Record.SequenceNumber);
            writer.WriteString("approximateArrivalOfFirstRecord"u8, Seconds(records[0].Record.ApproximateCreationDateTime));
            writer.WriteString("approximateArrivalOfLastRecord"u8, Seconds(records[^1].Record.ApproximateCreationDateTime));
            writer.WriteNumber("batchSize"u8, records.Count);
            writer.WriteString("streamArn"u8, streamArn);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Seconds(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
