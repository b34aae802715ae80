namespace Stelvio.Aws.Lambda;

/// <summary>Where a new stream subscription starts reading.</summary>
public enum StartingPosition
{
    /// <summary><c>LATEST</c>: only records written after the subscription exists. The default.</summary>
    Latest,

    /// <summary><c>TRIM_HORIZON</c>: the oldest records the stream still holds (DynamoDB keeps them 24 hours).</summary>
    TrimHorizon,
}
