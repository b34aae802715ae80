using System.Text.Json.Serialization;

namespace Stelvio.Lambda.Events.DynamoDB;

/// <summary>
/// The <c>dynamodb</c> part of a record (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_StreamRecord.html).
/// Which images are present depends on the stream view type and the event name.
/// </summary>
public sealed class StreamRecord
{
    /// <summary>When the change was made, in Unix seconds (<c>ApproximateCreationDateTime</c>).</summary>
    [JsonPropertyName("ApproximateCreationDateTime")]
    public double? ApproximateCreationDateTime { get; set; }

    /// <summary><see cref="ApproximateCreationDateTime"/> as a time, or null.</summary>
    [JsonIgnore]
    public DateTimeOffset? ApproximateCreationTime =>
        ApproximateCreationDateTime is { } seconds ? DateTimeOffset.UnixEpoch.AddSeconds(seconds) : null;

    /// <summary>The key attributes of the changed item (<c>Keys</c>).</summary>
    [JsonPropertyName("Keys")]
    public Dictionary<string, AttributeValue>? Keys { get; set; }

    /// <summary>The item after the change (<c>NewImage</c>); with views <c>NEW_IMAGE</c> and <c>NEW_AND_OLD_IMAGES</c>, not for <c>REMOVE</c>.</summary>
    [JsonPropertyName("NewImage")]
    public Dictionary<string, AttributeValue>? NewImage { get; set; }

    /// <summary>The item before the change (<c>OldImage</c>); with views <c>OLD_IMAGE</c> and <c>NEW_AND_OLD_IMAGES</c>, not for <c>INSERT</c>.</summary>
    [JsonPropertyName("OldImage")]
    public Dictionary<string, AttributeValue>? OldImage { get; set; }

    /// <summary>The record's position in its shard (<c>SequenceNumber</c>); the id to report in a <see cref="StreamsEventResponse"/>.</summary>
    [JsonPropertyName("SequenceNumber")]
    public string? SequenceNumber { get; set; }

    /// <summary>The size of the record in bytes (<c>SizeBytes</c>).</summary>
    [JsonPropertyName("SizeBytes")]
    public long? SizeBytes { get; set; }

    /// <summary><c>KEYS_ONLY</c>, <c>NEW_IMAGE</c>, <c>OLD_IMAGE</c> or <c>NEW_AND_OLD_IMAGES</c> (<c>StreamViewType</c>).</summary>
    [JsonPropertyName("StreamViewType")]
    public string? StreamViewType { get; set; }
}
