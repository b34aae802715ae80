using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Storage;

/// <summary>Builds a <see cref="StoredItem"/> from a validated item (its key attributes present and typed).</summary>
internal static class ItemFactory
{
    public static StoredItem Create(TableDefinition table, IReadOnlyDictionary<string, AttributeValue> item) =>
        Create(table, item, ItemSize.Of(item));

    public static StoredItem Create(TableDefinition table, IReadOnlyDictionary<string, AttributeValue> item, int size)
    {
        var hash = item[table.Key.HashName];
        var range = table.Key.RangeName is null ? null : item[table.Key.RangeName];
        return new StoredItem(hash, range, item, size);
    }
}
