namespace Stelvio.Aws.DynamoDB;

/// <summary>
/// A table's configuration decoded, not yet checked: the fields whose types are known, and each index in one shape
/// whether it was given typed (<see cref="LocalIndex"/>, <see cref="GlobalIndex"/>) or as the guide's dictionary.
/// Decoding reports nothing itself; what it could not read is kept on the index for <see cref="TableRules"/> to report.
/// </summary>
internal sealed record TableDeclaration(
    DynamoTableConfig Config,
    IReadOnlyDictionary<string, string> FieldTypes,
    IReadOnlyList<IndexDeclaration> LocalIndexes,
    IReadOnlyList<IndexDeclaration> GlobalIndexes)
{
    /// <summary>The field names as declared, valid or not, for messages.</summary>
    public string[] DeclaredFields => Config.Fields?.Keys.ToArray() ?? [];

    /// <summary>The table's own key attributes as given (always projected, so never listed in an index's projection).</summary>
    public IReadOnlySet<string> TableKeys
    {
        get
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            if (Config.PartitionKey is not null)
            {
                keys.Add(Config.PartitionKey);
            }

            if (Config.SortKey is not null)
            {
                keys.Add(Config.SortKey);
            }

            return keys;
        }
    }

    public static TableDeclaration Decode(string component, DynamoTableConfig config)
    {
        var fieldTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, field) in config.Fields ?? [])
        {
            if (!string.IsNullOrWhiteSpace(name) && name.Length <= TableSchema.MaxAttributeNameLength && field.Type is not null)
            {
                fieldTypes[name] = field.AttributeType;
            }
        }

        return new TableDeclaration(
            config,
            fieldTypes,
            [.. (config.LocalIndexes ?? []).Select(e => IndexDeclaration.Decode(component, e.Key, e.Value))],
            [.. (config.GlobalIndexes ?? []).Select(e => IndexDeclaration.Decode(component, e.Key, e.Value))]);
    }
}

/// <summary>
/// One index as declared: its keys, projection and capacities, or why it could not be read (<see cref="IsMissing"/>,
/// <see cref="Unreadable"/>). <see cref="Property"/> is how messages name it: <c>LocalIndexes["status-index"]</c>.
/// </summary>
internal sealed record IndexDeclaration(
    string Name,
    bool IsLocal,
    bool IsMissing,
    ConfigErrors? Unreadable,
    string? PartitionKey,
    string? SortKey,
    Projection? Projection,
    int? ReadCapacity,
    int? WriteCapacity)
{
    public string Property => $"{(IsLocal ? "LocalIndexes" : "GlobalIndexes")}[\"{Name}\"]";

    public static IndexDeclaration Decode(string component, string name, LocalIndex? index)
    {
        if (index is null)
        {
            return Missing(name, local: true);
        }

        var problems = new ConfigErrors(component);
        var read = IndexDictionary.Read(problems, $"LocalIndexes[\"{name}\"]", index.Source, local: true);
        var (sortKey, _, projection, _, _) = read ?? (index.SortKey, null, index.Projections, null, null);
        return new IndexDeclaration(name, true, false, problems.Count > 0 ? problems : null, null, sortKey, projection, null, null);
    }

    public static IndexDeclaration Decode(string component, string name, GlobalIndex? index)
    {
        if (index is null)
        {
            return Missing(name, local: false);
        }

        var problems = new ConfigErrors(component);
        var read = IndexDictionary.Read(problems, $"GlobalIndexes[\"{name}\"]", index.Source, local: false);
        var (sortKey, partitionKey, projection, readCapacity, writeCapacity) = read
            ?? (index.SortKey, index.PartitionKey, index.Projections, index.ReadCapacity, index.WriteCapacity);
        return new IndexDeclaration(name, false, false, problems.Count > 0 ? problems : null, partitionKey, sortKey, projection, readCapacity, writeCapacity);
    }

    /// <summary>
    /// The attributes an <c>INCLUDE</c> projection copies beyond the keys: named once, not empty, not a key of the
    /// index or the table (DynamoDB projects keys always and refuses them in <c>NonKeyAttributes</c>).
    /// </summary>
    public IReadOnlyList<string> NonKeyAttributes(IReadOnlySet<string> tableKeys) =>
        Projection is { Type: ProjectionType.Include } include
            ? [.. include.Attributes.Where(a => !string.IsNullOrWhiteSpace(a) && !IsKey(a, tableKeys)).Distinct(StringComparer.Ordinal)]
            : [];

    /// <summary>The projected attributes that are keys, so always projected, and left out of the list.</summary>
    public IReadOnlyList<string> ProjectedKeys(IReadOnlySet<string> tableKeys) =>
        Projection is { Type: ProjectionType.Include } include
            ? [.. include.Attributes.Where(a => !string.IsNullOrWhiteSpace(a) && IsKey(a, tableKeys)).Distinct(StringComparer.Ordinal)]
            : [];

    private bool IsKey(string attribute, IReadOnlySet<string> tableKeys) =>
        tableKeys.Contains(attribute) || attribute == PartitionKey || attribute == SortKey;

    private static IndexDeclaration Missing(string name, bool local) => new(name, local, true, null, null, null, null, null, null);
}
