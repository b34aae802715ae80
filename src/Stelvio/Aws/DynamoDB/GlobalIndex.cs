namespace Stelvio.Aws.DynamoDB;

/// <summary>
/// A global secondary index: another partition key and optional sort key. At most 20 per table.
/// </summary>
/// <example><c>GlobalIndexes = { ["status-total-index"] = new GlobalIndex("status", "total") { Projections = "all" } }</c></example>
public sealed class GlobalIndex
{
    /// <summary>An index on <paramref name="partitionKey"/> and, if given, <paramref name="sortKey"/>: fields of the table.</summary>
    public GlobalIndex(string partitionKey, string? sortKey = null)
    {
        PartitionKey = partitionKey;
        SortKey = sortKey;
    }

    private GlobalIndex(IReadOnlyDictionary<string, object?> source)
    {
        Source = source;
    }

    /// <summary>The index's partition key: a declared field.</summary>
    public string? PartitionKey { get; init; }

    /// <summary>The index's sort key, a declared field, or null for none.</summary>
    public string? SortKey { get; init; }

    /// <summary>What the index copies. Default: keys only.</summary>
    public Projection Projections { get; init; } = Projection.KeysOnly;

    /// <summary>Read capacity units when the table is provisioned. Default: the table's.</summary>
    public int? ReadCapacity { get; init; }

    /// <summary>Write capacity units when the table is provisioned. Default: the table's.</summary>
    public int? WriteCapacity { get; init; }

    /// <summary>The guide's dictionary form, read (and checked) by the table that holds it.</summary>
    internal IReadOnlyDictionary<string, object?>? Source { get; }

    /// <summary>The guide's dictionary form: <c>{ ["partition_key"] = "status", ["sort_key"] = "total", ["projections"] = "all" }</c>.</summary>
    public static implicit operator GlobalIndex(Dictionary<string, object?> source) => new(source);
}
