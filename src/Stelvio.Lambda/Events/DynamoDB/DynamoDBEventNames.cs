namespace Stelvio.Lambda.Events.DynamoDB;

/// <summary>The values of <see cref="DynamoDBStreamRecord.EventName"/>.</summary>
public static class DynamoDBEventNames
{
    /// <summary>A new item was added; the record has <c>NewImage</c> (when the stream view includes it).</summary>
    public const string Insert = "INSERT";

    /// <summary>An item was updated; the record has <c>OldImage</c> and <c>NewImage</c> (when the stream view includes them).</summary>
    public const string Modify = "MODIFY";

    /// <summary>An item was deleted; the record has <c>OldImage</c> (when the stream view includes it).</summary>
    public const string Remove = "REMOVE";
}
