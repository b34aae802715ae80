using System.Text;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Storage;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>DynamoDB's checks of a Key parameter and of a written item's key and index-key attributes, with its messages.</summary>
internal static class ItemKeys
{
    private const string Invalid = "One or more parameter values were invalid: ";
    public const int MaxHashKeyBytes = 2048;
    public const int MaxRangeKeyBytes = 1024;

    /// <summary>Validates a Key parameter against the table's key schema; returns (hash, range).</summary>
    public static (AttributeValue Hash, AttributeValue? Range) FromKey(TableDefinition table, IReadOnlyDictionary<string, AttributeValue> key)
    {
        var schema = table.Key;
        var expected = schema.HasRange ? 2 : 1;
        if (key.Count != expected
            || !key.TryGetValue(schema.HashName, out var hash)
            || hash.Type != schema.HashType)
        {
            throw DynamoDbException.Validation("The provided key element does not match the schema");
        }
        AttributeValue? range = null;
        if (schema.RangeName is not null && (!key.TryGetValue(schema.RangeName, out range) || range.Type != schema.RangeType))
        {
            throw DynamoDbException.Validation("The provided key element does not match the schema");
        }
        CheckKeyValue(schema.HashName, hash, true);
        if (range is not null)
        {
            CheckKeyValue(schema.RangeName!, range, false);
        }
        return (hash, range);
    }

    /// <summary>Validates a written item's table key and index keys; returns (hash, range).</summary>
    public static (AttributeValue Hash, AttributeValue? Range) FromItem(TableDefinition table, IReadOnlyDictionary<string, AttributeValue> item)
    {
        var schema = table.Key;
        var hash = KeyAttribute(item, schema.HashName, schema.HashType);
        var range = schema.RangeName is null ? null : KeyAttribute(item, schema.RangeName, schema.RangeType);
        CheckKeyValue(schema.HashName, hash, true);
        if (range is not null)
        {
            CheckKeyValue(schema.RangeName!, range, false);
        }
        CheckIndexKeys(table, item);
        return (hash, range);
    }

    private static AttributeValue KeyAttribute(IReadOnlyDictionary<string, AttributeValue> item, string name, AttributeType type)
    {
        if (!item.TryGetValue(name, out var value))
        {
            throw DynamoDbException.Validation($"{Invalid}Missing the key {name} in the item");
        }
        if (value.Type != type)
        {
            throw DynamoDbException.Validation($"{Invalid}Type mismatch for key {name} expected: {type} actual: {value.Type}");
        }
        return value;
    }

    /// <summary>Checks the secondary-index key attributes an item has (absent ones make the index sparse).</summary>
    public static void CheckIndexKeys(TableDefinition table, IReadOnlyDictionary<string, AttributeValue> item)
    {
        foreach (var index in table.LocalIndexes)
        {
            CheckIndexKey(index, item);
        }
        foreach (var index in table.GlobalIndexes)
        {
            CheckIndexKey(index, item);
        }
    }

    private static void CheckIndexKey(IndexDefinition index, IReadOnlyDictionary<string, AttributeValue> item)
    {
        CheckIndexAttribute(index, index.Key.HashName, index.Key.HashType, item, true);
        if (index.Key.RangeName is not null)
        {
            CheckIndexAttribute(index, index.Key.RangeName, index.Key.RangeType, item, false);
        }
    }

    private static void CheckIndexAttribute(IndexDefinition index, string name, AttributeType type, IReadOnlyDictionary<string, AttributeValue> item, bool isHash)
    {
        if (!item.TryGetValue(name, out var value))
        {
            return;
        }
        if (value.Type != type)
        {
            throw DynamoDbException.Validation($"{Invalid}Type mismatch for Index Key {name} Expected: {type} Actual: {value.Type} IndexName: {index.Name}");
        }
        if (value.Type == AttributeType.S && value.S.Length == 0 || value.Type == AttributeType.B && value.B.Length == 0)
        {
            throw DynamoDbException.Validation(
                $"One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty {(value.Type == AttributeType.S ? "string" : "binary")} value. IndexName: {index.Name}, IndexKey: {name}");
        }
        CheckKeySize(value, isHash);
    }

    private static void CheckKeyValue(string name, AttributeValue value, bool isHash)
    {
        if (value.Type == AttributeType.S && value.S.Length == 0 || value.Type == AttributeType.B && value.B.Length == 0)
        {
            throw DynamoDbException.Validation(
                $"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty {(value.Type == AttributeType.S ? "string" : "binary")} value. Key: {name}");
        }
        CheckKeySize(value, isHash);
    }

    private static void CheckKeySize(AttributeValue value, bool isHash)
    {
        var size = value.Type switch
        {
            AttributeType.S => Encoding.UTF8.GetByteCount(value.S),
            AttributeType.B => value.B.Length,
            _ => 0,
        };
        if (isHash && size > MaxHashKeyBytes)
        {
            throw DynamoDbException.Validation($"{Invalid}Size of hashkey has exceeded the maximum size limit of{MaxHashKeyBytes} bytes");
        }
        if (!isHash && size > MaxRangeKeyBytes)
        {
            throw DynamoDbException.Validation($"{Invalid}Aggregated size of all range keys has exceeded the size limit of {MaxRangeKeyBytes} bytes");
        }
    }
}
