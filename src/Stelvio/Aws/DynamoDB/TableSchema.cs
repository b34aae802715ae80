using System.Text.RegularExpressions;

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
/// A table's configuration, parsed and checked against DynamoDB's rules. Every problem found is
/// collected and reported together; warnings are kept for synth.
/// </summary>
internal sealed partial class TableSchema
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

    [GeneratedRegex(@"^[a-zA-Z0-9_.-]{3,255}\z")]
    private static partial Regex IndexNamePattern();

    public static TableSchema Parse(string component, DynamoTableConfig config)
    {
        var errors = new ConfigErrors(component);
        var warnings = new List<string>();
        var fields = ParseFields(errors, config.Fields);
        var declared = config.Fields?.Keys.ToArray() ?? [];

        bool CheckKey(string property, string? key, bool required)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                if (required)
                {
                    errors.Add(property, "is required. Name one of the declared fields" + FieldList(declared) + ".");
                }
                else if (key is not null)
                {
                    errors.Add(property, "is empty. Name one of the declared fields" + FieldList(declared) + ", or leave it out.");
                }

                return false;
            }

            if (config.Fields is null || !config.Fields.ContainsKey(key))
            {
                errors.Add(property, $"'{key}' is not in Fields. Add [\"{key}\"] = \"string\" (or \"number\", \"binary\") to Fields" +
                    (declared.Length > 0 ? ", or use one of: " + string.Join(", ", declared) : "") + ".");
                return false;
            }

            return true;
        }

        CheckKey("PartitionKey", config.PartitionKey, required: true);
        var hasSortKey = config.SortKey is not null && CheckKey("SortKey", config.SortKey, required: false);
        if (config.SortKey is not null && config.SortKey == config.PartitionKey)
        {
            errors.Add("SortKey", $"'{config.SortKey}' is also the partition key. A sort key must be another field; leave SortKey out if the table has none.");
        }

        var tableKeys = new HashSet<string>(StringComparer.Ordinal);
        if (config.PartitionKey is not null)
        {
            tableKeys.Add(config.PartitionKey);
        }

        if (config.SortKey is not null)
        {
            tableKeys.Add(config.SortKey);
        }

        var locals = new List<IndexSchema>();
        var globals = new List<IndexSchema>();
        var localIndexes = config.LocalIndexes ?? [];
        var globalIndexes = config.GlobalIndexes ?? [];

        if (localIndexes.Count > MaxLocalIndexes)
        {
            errors.Add("LocalIndexes", $"{localIndexes.Count} local indexes are declared; DynamoDB allows at most {MaxLocalIndexes} per table. Turn some into global indexes, or remove them.");
        }

        if (globalIndexes.Count > MaxGlobalIndexes)
        {
            errors.Add("GlobalIndexes", $"{globalIndexes.Count} global indexes are declared; DynamoDB allows at most {MaxGlobalIndexes} per table. Remove some, or split the data over several tables.");
        }

        if (localIndexes.Count > 0 && config.SortKey is null)
        {
            errors.Add("LocalIndexes", "local indexes need a table sort key (they share the partition key and add another sort key). Set SortKey, or use GlobalIndexes instead.");
        }

        foreach (var (name, index) in localIndexes)
        {
            var property = $"LocalIndexes[\"{name}\"]";
            CheckIndexName(errors, property, name);
            if (globalIndexes.ContainsKey(name))
            {
                errors.Add(property, $"the name '{name}' is used by a local and a global index. Index names must be unique within a table.");
            }

            if (index is null)
            {
                errors.Add(property, "is null. Give a LocalIndex, or remove the entry.");
                continue;
            }

            var before = errors.Count;
            var (sortKey, _, projection, read, write) = IndexDictionary.Read(errors, property, index.Source, local: true)
                ?? (index.SortKey, null, index.Projections, null, null);
            if (errors.Count > before)
            {
                continue; // the dictionary form was unreadable; its errors say why
            }

            if (!CheckKey(property + ".SortKey", sortKey, required: true) || !hasSortKey)
            {
                continue;
            }

            if (sortKey == config.SortKey)
            {
                errors.Add(property + ".SortKey", $"'{sortKey}' is already the table's sort key, so the index would repeat the table. Choose another field.");
                continue;
            }

            if (sortKey == config.PartitionKey)
            {
                errors.Add(property + ".SortKey", $"'{sortKey}' is the table's partition key, which a local index already shares. Choose another field.");
                continue;
            }

            var schema = Normalize(errors, warnings, property, name, true, config.PartitionKey!, sortKey, projection, tableKeys, read, write);
            if (schema is not null)
            {
                locals.Add(schema);
            }
        }

        foreach (var (name, index) in globalIndexes)
        {
            var property = $"GlobalIndexes[\"{name}\"]";
            CheckIndexName(errors, property, name);
            if (index is null)
            {
                errors.Add(property, "is null. Give a GlobalIndex, or remove the entry.");
                continue;
            }

            var before = errors.Count;
            var (sortKey, partitionKey, projection, read, write) = IndexDictionary.Read(errors, property, index.Source, local: false)
                ?? (index.SortKey, index.PartitionKey, index.Projections, index.ReadCapacity, index.WriteCapacity);
            if (errors.Count > before)
            {
                continue; // the dictionary form was unreadable; its errors say why
            }

            var okPartition = CheckKey(property + ".PartitionKey", partitionKey, required: true);
            var okSort = sortKey is null || CheckKey(property + ".SortKey", sortKey, required: false);
            if (!okPartition || !okSort)
            {
                continue;
            }

            if (sortKey is not null && sortKey == partitionKey)
            {
                errors.Add(property + ".SortKey", $"'{sortKey}' is also the index's partition key. Choose another field, or leave SortKey out.");
                continue;
            }

            if (partitionKey == config.PartitionKey && sortKey == config.SortKey)
            {
                errors.Add(property, "has the same keys as the table, so it would repeat the table. Use other keys" + (config.SortKey is not null ? ", or a local index for another sort key" : "") + ".");
                continue;
            }

            var schema = Normalize(errors, warnings, property, name, false, partitionKey!, sortKey, projection, tableKeys, read, write);
            if (schema is not null)
            {
                globals.Add(schema);
            }
        }

        var included = locals.Concat(globals).Sum(i => i.NonKeyAttributes.Count);
        if (included > MaxIncludedAttributes)
        {
            errors.Add("Projections", $"the indexes project {included} non-key attributes in all; DynamoDB allows at most {MaxIncludedAttributes} summed over all indexes of a table. Project fewer attributes, or use \"all\".");
        }

        StreamView? stream = null;
        if (config.Stream is { } setting)
        {
            if (setting.View is null)
            {
                errors.Add("Stream", $"'{setting}' is not a stream view type. Use {StreamSetting.AcceptedSpellings}.");
            }

            stream = setting.View;
        }

        TableSettingsRules.CheckBilling(errors, config, globals);
        TableSettingsRules.CheckTimeToLive(errors, config.TimeToLiveAttribute, fields);
        TableSettingsRules.CheckRemovalPolicy(errors, config.RemovalPolicy);
        foreach (var path in config.PropertyOverrides?.Keys ?? Enumerable.Empty<string>())
        {
            if (CloudFormation.PropertyOverrides.CheckPath(path) is { } problem)
            {
                errors.Add($"PropertyOverrides[\"{path}\"]", problem);
            }
        }

        errors.ThrowIfAny();

        // Only attributes that some key uses may be defined: CloudFormation refuses the others.
        var used = new List<string> { config.PartitionKey! };
        if (config.SortKey is not null)
        {
            used.Add(config.SortKey);
        }

        foreach (var index in locals.Concat(globals))
        {
            used.Add(index.PartitionKey);
            if (index.SortKey is not null)
            {
                used.Add(index.SortKey);
            }
        }

        var definitions = used.Distinct(StringComparer.Ordinal).Select(n => new KeyValuePair<string, string>(n, fields[n])).ToArray();

        // The TTL attribute and projected attributes may be declared to document (and check) their type.
        var projected = locals.Concat(globals).SelectMany(i => i.NonKeyAttributes).ToHashSet(StringComparer.Ordinal);
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
            LocalIndexes = locals,
            GlobalIndexes = globals,
            Stream = stream,
            Warnings = warnings,
        };
    }

    /// <summary>Field name → DynamoDB type letter for the fields whose type is valid.</summary>
    private static Dictionary<string, string> ParseFields(ConfigErrors errors, Dictionary<string, Field>? declared)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (declared is null || declared.Count == 0)
        {
            errors.Add("Fields", "no fields are declared. Declare at least the partition key, e.g. Fields = { [\"id\"] = \"string\" }.");
            return fields;
        }

        foreach (var (name, field) in declared)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add("Fields", "a field has an empty name. Give each field the attribute name it stands for.");
            }
            else if (name.Length > MaxAttributeNameLength)
            {
                errors.Add($"Fields[\"{name[..20]}...\"]", $"the field name has {name.Length} characters; DynamoDB allows at most {MaxAttributeNameLength} for key attributes.");
            }
            else if (field.Type is null)
            {
                errors.Add($"Fields[\"{name}\"]", $"'{field}' is not a field type. Use {Field.AcceptedSpellings}.");
            }
            else
            {
                fields[name] = field.AttributeType;
            }
        }

        return fields;
    }

    private static IndexSchema? Normalize(
        ConfigErrors errors,
        List<string> warnings,
        string property,
        string name,
        bool local,
        string partitionKey,
        string? sortKey,
        Projection? projection,
        HashSet<string> tableKeys,
        int? read,
        int? write)
    {
        projection ??= Projection.KeysOnly;
        if (projection.Type is null)
        {
            errors.Add(property + ".Projections", $"'{projection}' is not a projection. Use {Projection.AcceptedSpellings}.");
            return null;
        }

        var type = projection.Type.Value;
        var attributes = new List<string>();
        if (type == ProjectionType.Include)
        {
            if (projection.Attributes.Count == 0)
            {
                errors.Add(property + ".Projections", "lists no attributes. Name the attributes to copy (Projection.Include(\"total\") or new[] { \"total\" }), or use \"keys-only\".");
                return null;
            }

            var keys = new HashSet<string>(tableKeys, StringComparer.Ordinal) { partitionKey };
            if (sortKey is not null)
            {
                keys.Add(sortKey);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var dropped = new List<string>();
            foreach (var attribute in projection.Attributes)
            {
                if (string.IsNullOrWhiteSpace(attribute))
                {
                    errors.Add(property + ".Projections", "holds an empty attribute name. Remove it.");
                }
                else if (!seen.Add(attribute))
                {
                    errors.Add(property + ".Projections", $"names '{attribute}' more than once. List each attribute once.");
                }
                else if (keys.Contains(attribute))
                {
                    dropped.Add(attribute);
                }
                else
                {
                    attributes.Add(attribute);
                }
            }

            if (dropped.Count > 0)
            {
                var many = dropped.Count > 1;
                warnings.Add($"{property}.Projections: {string.Join(", ", dropped.Select(d => $"'{d}'"))} {(many ? "are key attributes" : "is a key attribute")}, always projected; DynamoDB refuses key attributes in NonKeyAttributes, so {(many ? "they were" : "it was")} left out of the list" +
                    (attributes.Count == 0 ? " and the index projects keys only (KEYS_ONLY)." : "."));
            }

            if (attributes.Count == 0)
            {
                type = ProjectionType.KeysOnly;
            }
        }

        return new IndexSchema(name, local, partitionKey, sortKey, type, attributes, read, write);
    }

    private static void CheckIndexName(ConfigErrors errors, string property, string name)
    {
        if (name is null || !IndexNamePattern().IsMatch(name))
        {
            var length = name?.Length ?? 0;
            errors.Add(property, $"the index name '{name}' must be 3 to 255 characters of letters, digits, '_', '-' and '.'" +
                (length is < 3 or > 255 ? $" (it has {length})." : "."));
        }
    }

    private static string FieldList(string[] declared) => declared.Length == 0 ? "" : " (" + string.Join(", ", declared) + ")";
}
