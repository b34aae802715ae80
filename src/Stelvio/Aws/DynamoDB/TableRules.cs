using System.Text.RegularExpressions;

namespace Stelvio.Aws.DynamoDB;

/// <summary>
/// DynamoDB's rules for a table's keys and indexes, each small and named, checked in order against a decoded
/// <see cref="TableDeclaration"/>. Every problem is collected, so a table reports all of them at once; an index
/// that breaks a rule is left out of the checks that need a sound index (the projection total, capacities).
/// </summary>
internal static partial class TableRules
{
    /// <summary>Checks every rule; returns the indexes sound enough to build (local ones first).</summary>
    public static IReadOnlyList<IndexDeclaration> Check(ConfigErrors errors, TableDeclaration table)
    {
        var config = table.Config;
        FieldsAreDeclaredWithKnownTypes(errors, config.Fields);
        KeyIsADeclaredField(errors, table, "PartitionKey", config.PartitionKey, required: true);
        var hasSortKey = config.SortKey is not null && KeyIsADeclaredField(errors, table, "SortKey", config.SortKey, required: false);
        SortKeyDiffersFromPartitionKey(errors, config);
        IndexCountsAreWithinLimits(errors, table);
        LocalIndexesNeedATableSortKey(errors, table);

        var sound = new List<IndexDeclaration>();
        foreach (var index in table.LocalIndexes)
        {
            IndexNameIsValid(errors, index);
            IndexNameIsUnique(errors, table, index);
            if (IndexIsGivenAndReadable(errors, index) && LocalIndexKeysAreValid(errors, table, index, hasSortKey) && ProjectionIsValid(errors, index, table.TableKeys))
            {
                sound.Add(index);
            }
        }

        foreach (var index in table.GlobalIndexes)
        {
            IndexNameIsValid(errors, index);
            if (IndexIsGivenAndReadable(errors, index) && GlobalIndexKeysAreValid(errors, table, index) && ProjectionIsValid(errors, index, table.TableKeys))
            {
                sound.Add(index);
            }
        }

        IncludedAttributesAreWithinLimit(errors, sound, table.TableKeys);
        StreamViewIsKnown(errors, config.Stream);
        TableSettingsRules.CheckBilling(errors, config, [.. sound.Where(i => !i.IsLocal)]);
        TableSettingsRules.CheckTimeToLive(errors, config.TimeToLiveAttribute, table.FieldTypes);
        TableSettingsRules.CheckRemovalPolicy(errors, config.RemovalPolicy);
        PropertyOverridePathsAreValid(errors, config.PropertyOverrides);
        return sound;
    }

    /// <summary>At least one field; each with a name DynamoDB accepts for a key attribute and a known type.</summary>
    private static void FieldsAreDeclaredWithKnownTypes(ConfigErrors errors, Dictionary<string, Field>? fields)
    {
        if (fields is null || fields.Count == 0)
        {
            errors.Add("Fields", "no fields are declared. Declare at least the partition key, e.g. Fields = { [\"id\"] = \"string\" }.");
            return;
        }

        foreach (var (name, field) in fields)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add("Fields", "a field has an empty name. Give each field the attribute name it stands for.");
            }
            else if (name.Length > TableSchema.MaxAttributeNameLength)
            {
                errors.Add($"Fields[\"{name[..20]}...\"]", $"the field name has {name.Length} characters; DynamoDB allows at most {TableSchema.MaxAttributeNameLength} for key attributes.");
            }
            else if (field.Type is null)
            {
                errors.Add($"Fields[\"{name}\"]", $"'{field}' is not a field type. Use {Field.AcceptedSpellings}.");
            }
        }
    }

    /// <summary>A key (of the table or an index) names a declared field; whether it was is returned.</summary>
    private static bool KeyIsADeclaredField(ConfigErrors errors, TableDeclaration table, string property, string? key, bool required)
    {
        var declared = table.DeclaredFields;
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

        if (table.Config.Fields is null || !table.Config.Fields.ContainsKey(key))
        {
            errors.Add(property, $"'{key}' is not in Fields. Add [\"{key}\"] = \"string\" (or \"number\", \"binary\") to Fields" +
                (declared.Length > 0 ? ", or use one of: " + string.Join(", ", declared) : "") + ".");
            return false;
        }

        return true;
    }

    private static void SortKeyDiffersFromPartitionKey(ConfigErrors errors, DynamoTableConfig config)
    {
        if (config.SortKey is not null && config.SortKey == config.PartitionKey)
        {
            errors.Add("SortKey", $"'{config.SortKey}' is also the partition key. A sort key must be another field; leave SortKey out if the table has none.");
        }
    }

    /// <summary>DynamoDB allows 5 local and 20 global indexes per table.</summary>
    private static void IndexCountsAreWithinLimits(ConfigErrors errors, TableDeclaration table)
    {
        if (table.LocalIndexes.Count > TableSchema.MaxLocalIndexes)
        {
            errors.Add("LocalIndexes", $"{table.LocalIndexes.Count} local indexes are declared; DynamoDB allows at most {TableSchema.MaxLocalIndexes} per table. Turn some into global indexes, or remove them.");
        }

        if (table.GlobalIndexes.Count > TableSchema.MaxGlobalIndexes)
        {
            errors.Add("GlobalIndexes", $"{table.GlobalIndexes.Count} global indexes are declared; DynamoDB allows at most {TableSchema.MaxGlobalIndexes} per table. Remove some, or split the data over several tables.");
        }
    }

    private static void LocalIndexesNeedATableSortKey(ConfigErrors errors, TableDeclaration table)
    {
        if (table.LocalIndexes.Count > 0 && table.Config.SortKey is null)
        {
            errors.Add("LocalIndexes", "local indexes need a table sort key (they share the partition key and add another sort key). Set SortKey, or use GlobalIndexes instead.");
        }
    }

    [GeneratedRegex(@"^[a-zA-Z0-9_.-]{3,255}\z")]
    private static partial Regex IndexNamePattern();

    private static void IndexNameIsValid(ConfigErrors errors, IndexDeclaration index)
    {
        if (index.Name is null || !IndexNamePattern().IsMatch(index.Name))
        {
            var length = index.Name?.Length ?? 0;
            errors.Add(index.Property, $"the index name '{index.Name}' must be 3 to 255 characters of letters, digits, '_', '-' and '.'" +
                (length is < 3 or > 255 ? $" (it has {length})." : "."));
        }
    }

    /// <summary>A local and a global index may not share a name.</summary>
    private static void IndexNameIsUnique(ConfigErrors errors, TableDeclaration table, IndexDeclaration local)
    {
        if (table.GlobalIndexes.Any(g => g.Name == local.Name))
        {
            errors.Add(local.Property, $"the name '{local.Name}' is used by a local and a global index. Index names must be unique within a table.");
        }
    }

    /// <summary>The entry holds an index, and its dictionary form (if any) could be read; the reader's problems are reported here.</summary>
    private static bool IndexIsGivenAndReadable(ConfigErrors errors, IndexDeclaration index)
    {
        if (index.IsMissing)
        {
            errors.Add(index.Property, $"is null. Give a {(index.IsLocal ? "LocalIndex" : "GlobalIndex")}, or remove the entry.");
            return false;
        }

        if (index.Unreadable is { } problems)
        {
            errors.AddFrom(problems);
            return false;
        }

        return true;
    }

    /// <summary>A local index adds a declared sort key, other than the table's keys, to a table that has a sort key.</summary>
    private static bool LocalIndexKeysAreValid(ConfigErrors errors, TableDeclaration table, IndexDeclaration index, bool tableHasSortKey)
    {
        if (!KeyIsADeclaredField(errors, table, index.Property + ".SortKey", index.SortKey, required: true) || !tableHasSortKey)
        {
            return false;
        }

        if (index.SortKey == table.Config.SortKey)
        {
            errors.Add(index.Property + ".SortKey", $"'{index.SortKey}' is already the table's sort key, so the index would repeat the table. Choose another field.");
            return false;
        }

        if (index.SortKey == table.Config.PartitionKey)
        {
            errors.Add(index.Property + ".SortKey", $"'{index.SortKey}' is the table's partition key, which a local index already shares. Choose another field.");
            return false;
        }

        return true;
    }

    /// <summary>A global index has a declared partition key, optionally another declared field as sort key, and keys other than the table's.</summary>
    private static bool GlobalIndexKeysAreValid(ConfigErrors errors, TableDeclaration table, IndexDeclaration index)
    {
        var partitionKeyValid = KeyIsADeclaredField(errors, table, index.Property + ".PartitionKey", index.PartitionKey, required: true);
        var sortKeyValid = index.SortKey is null || KeyIsADeclaredField(errors, table, index.Property + ".SortKey", index.SortKey, required: false);
        if (!partitionKeyValid || !sortKeyValid)
        {
            return false;
        }

        if (index.SortKey is not null && index.SortKey == index.PartitionKey)
        {
            errors.Add(index.Property + ".SortKey", $"'{index.SortKey}' is also the index's partition key. Choose another field, or leave SortKey out.");
            return false;
        }

        if (index.PartitionKey == table.Config.PartitionKey && index.SortKey == table.Config.SortKey)
        {
            errors.Add(index.Property, "has the same keys as the table, so it would repeat the table. Use other keys" + (table.Config.SortKey is not null ? ", or a local index for another sort key" : "") + ".");
            return false;
        }

        return true;
    }

    /// <summary>
    /// A projection is a known type; an <c>INCLUDE</c> list names attributes, each once and none empty. Whether the
    /// index can be built is returned (empty or duplicate names are reported, but do not stop the other checks).
    /// </summary>
    private static bool ProjectionIsValid(ConfigErrors errors, IndexDeclaration index, IReadOnlySet<string> tableKeys)
    {
        var projection = index.Projection ?? Projection.KeysOnly;
        var at = index.Property + ".Projections";
        if (projection.Type is null)
        {
            errors.Add(at, $"'{projection}' is not a projection. Use {Projection.AcceptedSpellings}.");
            return false;
        }

        if (projection.Type != ProjectionType.Include)
        {
            return true;
        }

        if (projection.Attributes.Count == 0)
        {
            errors.Add(at, "lists no attributes. Name the attributes to copy (Projection.Include(\"total\") or new[] { \"total\" }), or use \"keys-only\".");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in projection.Attributes)
        {
            if (string.IsNullOrWhiteSpace(attribute))
            {
                errors.Add(at, "holds an empty attribute name. Remove it.");
            }
            else if (!seen.Add(attribute))
            {
                errors.Add(at, $"names '{attribute}' more than once. List each attribute once.");
            }
        }

        return true;
    }

    /// <summary>DynamoDB allows 100 projected non-key attributes, summed over all indexes of a table.</summary>
    private static void IncludedAttributesAreWithinLimit(ConfigErrors errors, IReadOnlyList<IndexDeclaration> indexes, IReadOnlySet<string> tableKeys)
    {
        var included = indexes.Sum(i => i.NonKeyAttributes(tableKeys).Count);
        if (included > TableSchema.MaxIncludedAttributes)
        {
            errors.Add("Projections", $"the indexes project {included} non-key attributes in all; DynamoDB allows at most {TableSchema.MaxIncludedAttributes} summed over all indexes of a table. Project fewer attributes, or use \"all\".");
        }
    }

    private static void StreamViewIsKnown(ConfigErrors errors, StreamSetting? stream)
    {
        if (stream is { View: null } setting)
        {
            errors.Add("Stream", $"'{setting}' is not a stream view type. Use {StreamSetting.AcceptedSpellings}.");
        }
    }

    private static void PropertyOverridePathsAreValid(ConfigErrors errors, Dictionary<string, object?>? overrides)
    {
        foreach (var path in overrides?.Keys ?? Enumerable.Empty<string>())
        {
            if (CloudFormation.PropertyOverrides.CheckPath(path) is { } problem)
            {
                errors.Add($"PropertyOverrides[\"{path}\"]", problem);
            }
        }
    }

    private static string FieldList(string[] declared) => declared.Length == 0 ? "" : " (" + string.Join(", ", declared) + ")";
}
