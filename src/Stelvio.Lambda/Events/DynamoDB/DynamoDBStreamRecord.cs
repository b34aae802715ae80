using System.Text.Json.Serialization;

namespace Stelvio.Lambda.Events.DynamoDB;

/// <summary>One change to one item: an element of <c>Records</c>.</summary>
public sealed class DynamoDBStreamRecord
{
    /// <summary>A unique id of the record (<c>eventID</c>).</summary>
    [JsonPropertyName("eventID")]
    public string? EventId { get; set; }

    /// <summary>
    /// The kind of change (<c>eventName</c>): <c>INSERT</c> (a new item), <c>MODIFY</c> (an item was
    /// updated) or <c>REMOVE</c> (an item was deleted); see <see cref="DynamoDBEventNames"/>.
    /// </summary>
    [JsonPropertyName("eventName")]
    public string? EventName { get; set; }

    /// <summary>The version of the record format (<c>eventVersion</c>), for example <c>1.1</c>.</summary>
    [JsonPropertyName("eventVersion")]
    public string? EventVersion { get; set; }

    /// <summary>Always <c>aws:dynamodb</c> (<c>eventSource</c>).</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>The region of the table (<c>awsRegion</c>).</summary>
    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }

    /// <summary>The change itself: keys, images, sequence number (<c>dynamodb</c>).</summary>
    [JsonPropertyName("dynamodb")]
    public StreamRecord Dynamodb { get; set; } = new();

    /// <summary>Who made the change (<c>userIdentity</c>); present only for deletions by Time to Live.</summary>
    [JsonPropertyName("userIdentity")]
    public StreamIdentity? UserIdentity { get; set; }

    /// <summary>The ARN of the stream (<c>eventSourceARN</c>).</summary>
    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }
}
