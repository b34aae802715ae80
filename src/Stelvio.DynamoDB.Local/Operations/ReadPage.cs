using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>
/// What Query and Scan share: the Select/projection rules, reading a page of entries (stopping at Limit items
/// evaluated or 1 MB read, as DynamoDB does, before the filter), and the response.
/// </summary>
internal sealed class ReadPage
{
    /// <summary>DynamoDB reads at most 1 MB per page.</summary>
    public const int MaxPageBytes = 1024 * 1024;

    public static readonly string[] SelectValues = ["ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT"];

    public List<IReadOnlyDictionary<string, AttributeValue>> Items { get; } = [];
    public int Count { get; private set; }
    public int ScannedCount { get; private set; }
    public long BytesRead { get; private set; }
    public Entry? LastEvaluated { get; private set; }

    /// <summary>Checks Select against the projection parameters and the index, with AWS's messages; returns the effective Select.</summary>
    public static string ResolveSelect(string? select, bool hasAttributesToGet, bool hasProjectionExpression, TableDefinition table, IndexDefinition? index)
    {
        if (select is not null and not "SPECIFIC_ATTRIBUTES" && (hasAttributesToGet || hasProjectionExpression))
        {
            var what = select == "COUNT" ? "only the Count" : select;
            throw DynamoDbException.Validation($"Cannot specify the {(hasAttributesToGet ? "AttributesToGet" : "ProjectionExpression")} when choosing to get {what}");
        }
        if (select == "SPECIFIC_ATTRIBUTES" && !hasAttributesToGet && !hasProjectionExpression)
        {
            throw DynamoDbException.Validation("Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }
        if (select == "ALL_PROJECTED_ATTRIBUTES" && index is null)
        {
            throw DynamoDbException.Validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        if (select == "ALL_ATTRIBUTES" && index is { IsGlobal: true, Projection: not ProjectionType.ALL })
        {
            throw DynamoDbException.Validation($"One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index {index.Name} because its projection type is not ALL");
        }
        if (select is not null)
        {
            return select;
        }
        if (hasAttributesToGet || hasProjectionExpression)
        {
            return "SPECIFIC_ATTRIBUTES";
        }
        return index is null ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES";
    }

    /// <summary>
    /// Reads entries in order: each is evaluated (counts toward Limit and the 1 MB) and kept when it passes
    /// <paramref name="keyMatch"/> and <paramref name="filter"/>. A false <paramref name="keyMatch"/> with
    /// <paramref name="stopOnKeyMismatch"/> ends the read (begins_with past its prefix).
    /// </summary>
    public static ReadPage Read(
        IEnumerable<Entry> entries,
        Func<Entry, bool>? keyMatch,
        bool stopOnKeyMismatch,
        Condition? filter,
        int? limit,
        Func<StoredItem, IReadOnlyDictionary<string, AttributeValue>> view,
        Projection? projection,
        bool countOnly)
    {
        var page = new ReadPage();
        foreach (var entry in entries)
        {
            if (keyMatch is not null && !keyMatch(entry))
            {
                if (stopOnKeyMismatch)
                {
                    break;
                }
                continue;
            }
            var item = entry.Item!;
            page.ScannedCount++;
            page.BytesRead += item.Size;
            var visible = view(item);
            if (filter is null || filter.Evaluate(visible))
            {
                page.Count++;
                if (!countOnly)
                {
                    page.Items.Add(projection is null ? visible : projection.Apply(visible));
                }
            }
            if (page.ScannedCount == limit || page.BytesRead >= MaxPageBytes)
            {
                page.LastEvaluated = entry;
                break;
            }
        }
        return page;
    }

    /// <summary>The key attributes of the last entry read: the table's key, plus the index's for an index read.</summary>
    public static Dictionary<string, AttributeValue> KeyOf(TableDefinition table, IndexDefinition? index, StoredItem item)
    {
        var key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [table.Key.HashName] = item.Hash };
        if (table.Key.RangeName is not null && item.Range is not null)
        {
            key[table.Key.RangeName] = item.Range;
        }
        if (index is not null)
        {
            key[index.Key.HashName] = item.Attributes[index.Key.HashName];
            if (index.Key.RangeName is not null)
            {
                key[index.Key.RangeName] = item.Attributes[index.Key.RangeName];
            }
        }
        return key;
    }

    /// <summary>
    /// Reads ExclusiveStartKey for a read of the table or an index and returns the probe just after it, or null.
    /// </summary>
    public static (Entry After, Entry Before, AttributeValue Hash)? StartAfter(TableDefinition table, IndexDefinition? index, IReadOnlyDictionary<string, AttributeValue>? start)
    {
        if (start is null)
        {
            return null;
        }
        var expected = (table.Key.HasRange ? 2 : 1);
        AttributeValue? indexHash = null;
        AttributeValue? indexRange = null;
        if (index is not null)
        {
            if (!table.Key.IsKeyAttribute(index.Key.HashName))
            {
                expected++;
            }
            if (index.Key.RangeName is not null && !table.Key.IsKeyAttribute(index.Key.RangeName))
            {
                expected++;
            }
        }
        if (start.Count != expected)
        {
            throw DynamoDbException.Validation("The provided starting key is invalid: The provided key element does not match the schema");
        }
        var tableKey = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var name in new[] { table.Key.HashName, table.Key.RangeName })
        {
            if (name is not null)
            {
                if (!start.TryGetValue(name, out var value))
                {
                    throw DynamoDbException.Validation("The provided starting key is invalid: The provided key element does not match the schema");
                }
                tableKey[name] = value;
            }
        }
        AttributeValue hash;
        AttributeValue? range;
        try
        {
            (hash, range) = ItemKeys.FromKey(table, tableKey);
        }
        catch (DynamoDbException error) when (error.Type == "ValidationException")
        {
            throw DynamoDbException.Validation("The provided starting key is invalid: " + error.Message);
        }
        if (index is null)
        {
            return (Entry.Probe(hash, range, true, 1), Entry.Probe(hash, range, true, -1), hash);
        }
        if (!start.TryGetValue(index.Key.HashName, out indexHash) || indexHash.Type != index.Key.HashType
            || index.Key.RangeName is not null && (!start.TryGetValue(index.Key.RangeName, out indexRange) || indexRange.Type != index.Key.RangeType))
        {
            throw DynamoDbException.Validation("The provided starting key is invalid: The provided key element does not match the schema");
        }
        return (Entry.Probe(indexHash, indexRange, hash, range, 1), Entry.Probe(indexHash, indexRange, hash, range, -1), indexHash);
    }

    public void WriteResponse(Utf8JsonWriter response, TableDefinition table, IndexDefinition? index, bool countOnly, Capacity? capacity)
    {
        response.WriteStartObject();
        if (!countOnly)
        {
            response.WriteStartArray("Items"u8);
            foreach (var item in Items)
            {
                AttributeValueJson.WriteItem(response, item);
            }
            response.WriteEndArray();
        }
        response.WriteNumber("Count"u8, Count);
        response.WriteNumber("ScannedCount"u8, ScannedCount);
        if (LastEvaluated is not null)
        {
            AttributeValueJson.WriteItem(response, "LastEvaluatedKey", KeyOf(table, index, LastEvaluated.Item!));
        }
        capacity?.WriteProperty(response);
        response.WriteEndObject();
    }

    /// <summary>Resolves IndexName to the index, with AWS's message when the table has none of that name.</summary>
    public static IndexDefinition? Index(TableDefinition table, string? indexName) =>
        indexName is null
            ? null
            : table.FindIndex(indexName) ?? throw DynamoDbException.Validation($"The table does not have the specified index: {indexName}");

    public static void ConstrainCommon(JsonElement request, Constraints constraints, out string? indexName, out string? select, out long? limit, out bool consistent)
    {
        indexName = Wire.String(request, "IndexName");
        if (indexName is not null)
        {
            constraints.Name(indexName, "indexName");
        }
        select = Wire.String(request, "Select");
        constraints.Enum(select, "select", SelectValues);
        limit = Wire.Long(request, "Limit");
        constraints.AtLeast(limit, "limit", 1);
        consistent = Wire.Bool(request, "ConsistentRead") ?? false;
    }

    /// <summary>The item as a read of the index sees it (a GSI holds only its projection; an LSI fetches the rest from the table).</summary>
    public static Func<StoredItem, IReadOnlyDictionary<string, AttributeValue>> View(TableDefinition table, IndexDefinition? index, string select, Projection? projection)
    {
        if (index is null || index.Projection == ProjectionType.ALL || select == "ALL_ATTRIBUTES"
            || !index.IsGlobal && select == "SPECIFIC_ATTRIBUTES" && projection is not null && !IndexProjection.Covers(table, index, projection.TopLevelNames))
        {
            return item => item.Attributes;
        }
        return item => IndexProjection.Apply(table, index, item.Attributes);
    }
}
