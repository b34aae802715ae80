using System.Text.Json;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// Reads a function's answer with <c>ReportBatchItemFailures</c>: <c>{"batchItemFailures":[{"itemIdentifier":"&lt;SequenceNumber&gt;"}]}</c>.
/// An empty or null list, an empty or null response: success. Otherwise Lambda checkpoints before the failed record
/// with the lowest sequence number and retries from it. An empty, null or unknown <c>itemIdentifier</c>, or an answer
/// that is not such an object, fails the whole batch.
/// </summary>
internal static class BatchItemFailures
{
    /// <summary>The index in the batch to retry from: -1 for success; 0 with a <paramref name="problem"/> fails the whole batch.</summary>
    public static int Read(ReadOnlySpan<byte> response, IReadOnlyList<PendingRecord> batch, out string? problem)
    {
        problem = null;
        if (response.Trim(" \t\r\n"u8).Length == 0)
        {
            return -1;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(response.ToArray());
        }
        catch (JsonException)
        {
            problem = "the function's response is not JSON; with ReportBatchItemFailures it must be {\"batchItemFailures\":[…]}";
            return 0;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Null)
            {
                return -1;
            }
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the function's response is not an object; with ReportBatchItemFailures it must be {\"batchItemFailures\":[…]}";
                return 0;
            }
            if (!root.TryGetProperty("batchItemFailures", out var failures) || failures.ValueKind == JsonValueKind.Null)
            {
                return -1;
            }
            if (failures.ValueKind != JsonValueKind.Array)
            {
                problem = "batchItemFailures is not an array";
                return 0;
            }
            var lowest = -1;
            foreach (var failure in failures.EnumerateArray())
            {
                if (failure.ValueKind != JsonValueKind.Object
                    || !failure.TryGetProperty("itemIdentifier", out var identifier)
                    || identifier.ValueKind != JsonValueKind.String
                    || identifier.GetString() is not { Length: > 0 } sequenceNumber)
                {
                    problem = "a batchItemFailures entry has no itemIdentifier (an empty, null or missing itemIdentifier fails the whole batch)";
                    return 0;
                }
                var index = IndexOf(batch, sequenceNumber);
                if (index < 0)
                {
                    problem = $"itemIdentifier \"{sequenceNumber}\" is not the SequenceNumber of a record in the batch";
                    return 0;
                }
                lowest = lowest < 0 ? index : Math.Min(lowest, index);
            }
            return lowest;
        }
    }

    private static int IndexOf(IReadOnlyList<PendingRecord> batch, string sequenceNumber)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Record.SequenceNumber == sequenceNumber)
            {
                return i;
            }
        }
        return -1;
    }
}
