namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>
/// What defines a stream besides its records: what persistence stores and restores
/// (see <see cref="IStreamJournal"/>).
/// </summary>
internal sealed record StreamInfo(
    string StreamArn,
    string StreamLabel,
    string TableName,
    IReadOnlyList<StreamKeyElement> KeySchema,
    StreamViewType ViewType,
    DateTimeOffset CreatedAt,
    string ShardId,
    long StartingSequence,
    DateTimeOffset? DisabledAt = null,
    long? EndingSequence = null);
