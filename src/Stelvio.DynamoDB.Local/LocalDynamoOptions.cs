namespace Stelvio.DynamoDB.Local;

/// <summary>How a local DynamoDB engine runs: its loopback port, and the region and account its ARNs name.</summary>
public sealed class LocalDynamoOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Region in ARNs, stream records and DescribeEndpoints.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Account ID in ARNs.</summary>
    public string AccountId { get; init; } = "000000000000";

    /// <summary>The engine's clock: item timestamps, stream retention and iterator expiry, TTL (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How often expired items (TTL) are deleted while the endpoint runs.</summary>
    public TimeSpan TimeToLiveSweepPeriod { get; init; } = TimeToLive.TimeToLiveSweeper.DefaultPeriod;
}
