namespace Stelvio.Aws.DynamoDB;

/// <summary>One index after parsing and checking: keys resolved, projection normalized.</summary>
internal sealed record IndexSchema(
    string Name,
    bool IsLocal,
    string PartitionKey,
    string? SortKey,
    ProjectionType Projection,
    IReadOnlyList<string> NonKeyAttributes,
    int? ReadCapacity,
    int? WriteCapacity);

/// <summary>
/// A table's configuration, parsed and checked against DynamoDB's rules: decoded (<see cref="TableDeclaration"/>),
/// validated rule by rule (<see cref="TableRules"/>), then normalized here. Every problem found is collected and
/// reported together; warnings are kept for synth.
/// </summary>
internal sealed class TableSchema
{
    public const int MaxLocalIndexes = 5;
    public const int MaxGlobalIndexes = 20;
    public const int MaxIncludedAttributes = 100;
    public const int MaxAttributeNameLength = 255;

    private TableSchema()
    {
    }

    /// <summary>Key attribute name → DynamoDB type letter, in order of first use.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> AttributeDefinitions { get; init; }

    public required string PartitionKey { get; init; }

    public string? SortKey { get; init; }

    public required IReadOnlyList<IndexSchema> LocalIndexes { get; init; }

    public required IReadOnlyList<IndexSchema> GlobalIndexes { get; init; }

    public StreamView? Stream { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>
    /// Decodes the configuration (typed or dictionary indexes into one shape), checks it against DynamoDB's rules
    /// (<see cref="TableRules"/>, reporting every problem at once), then builds the normalized schema.
    /// </summary>
    public static TableSchema Parse(string component, DynamoTableConfig config)
    {
        var declaration = TableDeclaration.Decode(component, config);
        var errors = new ConfigErrors(component);
        var indexes = TableRules.Check(errors, declaration);
        errors.ThrowIfAny();
        return Normalize(declaration, indexes);
    }

    /// <summary>
    /// The schema of a checked declaration: only the attributes some key uses are defined, key attributes leave
    /// projection lists (with a warning), and declared fields no key, projection or TTL uses are warned about.
    /// </summary>
    private static TableSchema Normalize(TableDeclaration declaration, IReadOnlyList<IndexDeclaration> indexes)
    {
        var config = declaration.Config;
        var tableKeys = declaration.TableKeys;
        var warnings = new List<string>();
        var schemas = indexes.Select(index => NormalizeIndex(index, config.PartitionKey!, tableKeys, warnings)).ToArray();

        // Only attributes that some key uses may be defined: CloudFormation refuses the others.
        var used = new List<string> { config.PartitionKey! };
        if (config.SortKey is not null)
        {
            used.Add(config.SortKey);
        }

        foreach (var index in schemas)
        {
            used.Add(index.PartitionKey);
            if (index.SortKey is not null)
            {
                used.Add(index.SortKey);
            }
        }

        var definitions = used.Distinct(StringComparer.Ordinal).Select(n => new KeyValuePair<string, string>(n, declaration.FieldTypes[n])).ToArray();

        // The TTL attribute and projected attributes may be declared to document (and check) their type.
        var projected = schemas.SelectMany(i => i.NonKeyAttributes).ToHashSet(StringComparer.Ordinal);
        var unused = config.Fields!.Keys.Where(f => !used.Contains(f) && f != config.TimeToLiveAttribute && !projected.Contains(f)).ToArray();
        if (unused.Length > 0)
        {
            var many = unused.Length > 1;
            warnings.Add($"field{(many ? "s" : "")} {string.Join(", ", unused.Select(u => $"'{u}'"))} {(many ? "are" : "is")} not used by any key or index, so not written to AttributeDefinitions (CloudFormation refuses attribute definitions no key uses; DynamoDB needs no schema for other attributes). Remove {(many ? "them" : "it")} from Fields, or use {(many ? "them" : "it")} in a key.");
        }

        return new TableSchema
        {
            AttributeDefinitions = definitions,
            PartitionKey = config.PartitionKey!,
            SortKey = config.SortKey,
            LocalIndexes = [.. schemas.Where(i => i.IsLocal)],
            GlobalIndexes = [.. schemas.Where(i => !i.IsLocal)],
            Stream = config.Stream?.View,
            Warnings = warnings,
        };
    }

    /// <summary>An index's keys resolved (a local index shares the table's partition key) and its projection normalized.</summary>
    private static IndexSchema NormalizeIndex(IndexDeclaration index, string tablePartitionKey, IReadOnlySet<string> tableKeys, List<string> warnings)
    {
        var type = (index.Projection ?? Projection.KeysOnly).Type!.Value;
        var attributes = index.NonKeyAttributes(tableKeys);
        if (index.ProjectedKeys(tableKeys) is { Count: > 0 } dropped)
        {
            var many = dropped.Count > 1;
            warnings.Add($"{index.Property}.Projections: {string.Join(", ", dropped.Select(d => $"'{d}'"))} {(many ? "are key attributes" : "is a key attribute")}, always projected; DynamoDB refuses key attributes in NonKeyAttributes, so {(many ? "they were" : "it was")} left out of the list" +
                (attributes.Count == 0 ? " and the index projects keys only (KEYS_ONLY)." : "."));
        }

        if (type == ProjectionType.Include && attributes.Count == 0)
        {
            type = ProjectionType.KeysOnly;
        }

        var partitionKey = index.IsLocal ? tablePartitionKey : index.PartitionKey!;
        return new IndexSchema(index.Name, index.IsLocal, partitionKey, index.SortKey, type, attributes, index.ReadCapacity, index.WriteCapacity);
    }
}
