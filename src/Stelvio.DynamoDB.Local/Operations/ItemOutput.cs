using System.Text.Json;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Storage;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>The response members item writes share: Attributes, ConsumedCapacity and ItemCollectionMetrics.</summary>
internal static class ItemOutput
{
    public static void Write(
        Utf8JsonWriter response,
        IReadOnlyDictionary<string, AttributeValue>? attributes,
        Capacity? capacity,
        bool collectionMetrics,
        TableDefinition table,
        AttributeValue hash)
    {
        response.WriteStartObject();
        if (attributes is not null)
        {
            AttributeValueJson.WriteItem(response, "Attributes", attributes);
        }
        capacity?.WriteProperty(response);
        if (collectionMetrics && table.LocalIndexes.Count > 0)
        {
            WriteCollectionMetrics(response, table, hash);
        }
        response.WriteEndObject();
    }

    /// <summary>ItemCollectionMetrics of a table with LSIs: the item collection's key and a size estimate range in GB.</summary>
    public static void WriteCollectionMetrics(Utf8JsonWriter response, TableDefinition table, AttributeValue hash)
    {
        response.WriteStartObject("ItemCollectionMetrics"u8);
        WriteCollectionMetricsBody(response, table, hash);
        response.WriteEndObject();
    }

    public static void WriteCollectionMetricsBody(Utf8JsonWriter response, TableDefinition table, AttributeValue hash)
    {
        response.WriteStartObject("ItemCollectionKey"u8);
        response.WritePropertyName(table.Key.HashName);
        AttributeValueJson.Write(response, hash);
        response.WriteEndObject();
        response.WriteStartArray("SizeEstimateRangeGB"u8);
        response.WriteNumberValue(0.0);
        response.WriteNumberValue(1.0);
        response.WriteEndArray();
    }
}
