namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>Where a <see cref="ChangeFeed"/> subscription starts.</summary>
public enum ChangeFeedStart
{
    /// <summary>With the first change committed after subscribing.</summary>
    Latest,

    /// <summary>With the oldest record still kept (24 hours).</summary>
    TrimHorizon,
}
