using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Storage;

/// <summary>
/// Everything DynamoDB knows about a table besides its items, immutable: an update replaces the whole record.
/// This is what persistence saves and restores and what DescribeTable shows.
/// </summary>
internal sealed record TableDefinition
{
    public required string Name { get; init; }
    public required string TableId { get; init; }
    public required string Arn { get; init; }
    public required DateTimeOffset CreationDateTime { get; init; }
    public required KeyDefinition Key { get; init; }

    /// <summary>The AttributeDefinitions as given (names and scalar types of every key attribute).</summary>
    public required IReadOnlyList<KeyValuePair<string, AttributeType>> AttributeDefinitions { get; init; }

    public IReadOnlyList<IndexDefinition> LocalIndexes { get; init; } = [];
    public IReadOnlyList<IndexDefinition> GlobalIndexes { get; init; } = [];

    /// <summary>PROVISIONED or PAY_PER_REQUEST.</summary>
    public string BillingMode { get; init; } = "PROVISIONED";
    public DateTimeOffset? BillingModeLastUpdate { get; init; }

    /// <summary>Capacity of a provisioned table (zeros for on-demand, as DescribeTable shows).</summary>
    public ProvisionedThroughput Throughput { get; init; } = new(0, 0);

    public StreamSettings? Stream { get; init; }

    /// <summary>The newest stream (enabled or not, it stays readable for 24 hours): label and ARN.</summary>
    public string? LatestStreamLabel { get; init; }
    public string? LatestStreamArn { get; init; }

    public TimeToLiveSettings? TimeToLive { get; init; }
    public bool PointInTimeRecovery { get; init; }
    public DateTimeOffset? PointInTimeRecoveryEnabledAt { get; init; }
    public bool DeletionProtection { get; init; }
    public string TableClass { get; init; } = "STANDARD";
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    public IndexDefinition? FindIndex(string name)
    {
        foreach (var index in LocalIndexes)
        {
            if (index.Name == name)
            {
                return index;
            }
        }
        foreach (var index in GlobalIndexes)
        {
            if (index.Name == name)
            {
                return index;
            }
        }
        return null;
    }

    public AttributeType? AttributeTypeOf(string name)
    {
        foreach (var pair in AttributeDefinitions)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }
        return null;
    }
}

/// <summary>A table's stream specification (StreamEnabled true) and its view type.</summary>
internal sealed record StreamSettings(string ViewType);

/// <summary>A table's TTL attribute (set once enabled; kept with Enabled false while disabling is recorded).</summary>
internal sealed record TimeToLiveSettings(string AttributeName, bool Enabled);
