using System.Text.Json.Serialization;

namespace Stelvio.Lambda.Events.DynamoDB;

/// <summary>
/// A partial batch response: the records a stream handler failed to process, so that Lambda retries from
/// the first of them rather than the whole batch. It takes effect when the subscription reports batch item
/// failures (<c>FunctionResponseTypes: [ReportBatchItemFailures]</c>); an empty list means every record succeeded.
/// JSON: <c>{"batchItemFailures":[{"itemIdentifier":"{SequenceNumber}"}]}</c>
/// (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html).
/// </summary>
public sealed class StreamsEventResponse
{
    /// <summary>The failed records.</summary>
    [JsonPropertyName("batchItemFailures")]
    public List<BatchItemFailure> BatchItemFailures { get; set; } = [];

    /// <summary>Reports <paramref name="record"/> as failed, by its sequence number.</summary>
    public StreamsEventResponse Fail(DynamoDBStreamRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        BatchItemFailures.Add(new BatchItemFailure { ItemIdentifier = record.Dynamodb.SequenceNumber });
        return this;
    }
}

/// <summary>One failed record of a <see cref="StreamsEventResponse"/>.</summary>
public sealed class BatchItemFailure
{
    /// <summary>The failed record's <c>dynamodb.SequenceNumber</c> (<c>itemIdentifier</c>).</summary>
    [JsonPropertyName("itemIdentifier")]
    public string? ItemIdentifier { get; set; }
}
