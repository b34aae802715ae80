using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Storage;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>The attributes an index holds of an item: the table's and the index's keys, plus what its projection names.</summary>
internal static class IndexProjection
{
    public static IReadOnlyDictionary<string, AttributeValue> Apply(TableDefinition table, IndexDefinition index, IReadOnlyDictionary<string, AttributeValue> item)
    {
        if (index.Projection == ProjectionType.ALL)
        {
            return item;
        }
        var result = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        Copy(item, result, table.Key.HashName);
        Copy(item, result, table.Key.RangeName);
        Copy(item, result, index.Key.HashName);
        Copy(item, result, index.Key.RangeName);
        if (index.NonKeyAttributes is not null)
        {
            foreach (var name in index.NonKeyAttributes)
            {
                Copy(item, result, name);
            }
        }
        return result;
    }

    /// <summary>Whether every top-level attribute named is in the index's projection.</summary>
    public static bool Covers(TableDefinition table, IndexDefinition index, IEnumerable<string> names)
    {
        if (index.Projection == ProjectionType.ALL)
        {
            return true;
        }
        foreach (var name in names)
        {
            if (!(table.Key.IsKeyAttribute(name) || index.Key.IsKeyAttribute(name) || (index.NonKeyAttributes?.Contains(name) ?? false)))
            {
                return false;
            }
        }
        return true;
    }

    private static void Copy(IReadOnlyDictionary<string, AttributeValue> from, Dictionary<string, AttributeValue> to, string? name)
    {
        if (name is not null && from.TryGetValue(name, out var value))
        {
            to[name] = value;
        }
    }
}
