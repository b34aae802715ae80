namespace Stelvio.Aws.DynamoDB;

/// <summary>
/// A local secondary index: the table's partition key with another sort key. Needs a table sort key;
/// at most 5 per table; it can only be created with the table and never changed afterwards.
/// </summary>
/// <example><c>LocalIndexes = { ["status-index"] = new LocalIndex("status") { Projections = "all" } }</c></example>
public sealed class LocalIndex
{
    /// <summary>An index with the table's partition key and <paramref name="sortKey"/>, a field of the table.</summary>
    public LocalIndex(string sortKey)
    {
        SortKey = sortKey;
    }

    private LocalIndex(IReadOnlyDictionary<string, object?> source)
    {
        Source = source;
    }

    /// <summary>The index's sort key: a declared field.</summary>
    public string? SortKey { get; init; }

    /// <summary>What the index copies. Default: keys only.</summary>
    public Projection Projections { get; init; } = Projection.KeysOnly;

    /// <summary>The guide's dictionary form, read (and checked) by the table that holds it.</summary>
    internal IReadOnlyDictionary<string, object?>? Source { get; }

    /// <summary>The guide's dictionary form: <c>{ ["sort_key"] = "status", ["projections"] = new[] { "total" } }</c>.</summary>
    public static implicit operator LocalIndex(Dictionary<string, object?> source) => new(source);
}
