using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>
/// One stream record, as DynamoDB Streams returns it from GetRecords: one committed change of one item.
/// <see cref="NewImage"/> and <see cref="OldImage"/> are present as the stream's <see cref="StreamViewType"/>
/// and the change allow (no old image for an INSERT, no new image for a REMOVE).
/// </summary>
public sealed record StreamRecord
{
    /// <summary>A unique identifier of the record (32 hexadecimal digits, as AWS).</summary>
    public required string EventId { get; init; }

    /// <summary><c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>.</summary>
    public required string EventName { get; init; }

    /// <summary>Always <c>1.1</c>.</summary>
    public string EventVersion => "1.1";

    /// <summary>Always <c>aws:dynamodb</c>.</summary>
    public string EventSource => "aws:dynamodb";

    /// <summary>The region the engine reports.</summary>
    public required string AwsRegion { get; init; }

    /// <summary>The ARN of the stream the record belongs to.</summary>
    public required string StreamArn { get; init; }

    /// <summary>The table the changed item belongs to.</summary>
    public required string TableName { get; init; }

    /// <summary>When the change was committed, rounded down to the second as AWS reports it.</summary>
    public required DateTimeOffset ApproximateCreationDateTime { get; init; }

    /// <summary>The changed item's primary key.</summary>
    public required IReadOnlyDictionary<string, AttributeValue> Keys { get; init; }

    /// <summary>The item after the change, when the view type includes it and the item still exists.</summary>
    public IReadOnlyDictionary<string, AttributeValue>? NewImage { get; init; }

    /// <summary>The item before the change, when the view type includes it and the item existed.</summary>
    public IReadOnlyDictionary<string, AttributeValue>? OldImage { get; init; }

    /// <summary>The record's position: decimal digits (21 or more), increasing in commit order.</summary>
    public string SequenceNumber => SequenceNumbers.Format(Sequence);

    /// <summary>The size of the record's keys and images, counted as DynamoDB counts item sizes.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>The view type of the stream that wrote the record.</summary>
    public required StreamViewType StreamViewType { get; init; }

    /// <summary>
    /// True for a deletion by Time to Live: AWS then gives the record a <c>userIdentity</c> of type
    /// <c>Service</c> and principal <c>dynamodb.amazonaws.com</c>.
    /// </summary>
    public bool ByTimeToLive { get; init; }

    /// <summary>The sequence number as the engine orders records (engine-wide, increasing).</summary>
    internal long Sequence { get; init; }
}
