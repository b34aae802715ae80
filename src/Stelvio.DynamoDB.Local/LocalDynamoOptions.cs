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

    /// <summary>
    /// A directory that keeps tables, items and streams across restarts (created if missing; one engine at a
    /// time). Null (the default): everything is in memory and gone when the engine stops.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>
    /// With a <see cref="DataDirectory"/>: true (the default) acknowledges a write once it is on disk (fdatasync,
    /// shared by concurrent writes), so it survives a power loss; false acknowledges it once the operating system
    /// has it, which survives the server being killed but not the machine stopping, and is much faster.
    /// </summary>
    public bool SyncWrites { get; init; } = true;
}
