using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>TransactGetItems: up to 100 gets read together (all tables locked at once), answered in request order.</summary>
internal static class TransactGetItems
{
    private static readonly string[] Expressions = ["ProjectionExpression"];

    private sealed record Get(Table Table, AttributeValue Hash, AttributeValue? Range, Projection? Projection);

    public static void Handle(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var items = Wire.StructureList(request, "TransactItems");
        constraints.NotNull(items, "transactItems");
        constraints.Count(items, "transactItems", 1, TransactWriteItems.MaxItems, () => "[...]");
        var capacityMode = Common.ConsumedCapacity(request, constraints);
        var jsons = new List<JsonElement>();
        for (var i = 0; items is not null && i < items.Count; i++)
        {
            var get = Wire.Structure(items[i], "Get");
            constraints.NotNull(get, $"transactItems.{i + 1}.member.get");
            if (get is { } g)
            {
                Common.TableName(g, constraints, path: $"transactItems.{i + 1}.member.get.tableName");
                constraints.NotNull(Wire.Map(g, "Key"), $"transactItems.{i + 1}.member.get.key");
                jsons.Add(g);
            }
        }
        constraints.ThrowIfAny();
        var gets = new List<Get>(jsons.Count);
        var seen = new HashSet<(string, AttributeValue, AttributeValue?)>();
        foreach (var json in jsons)
        {
            var context = RequestExpressions.ReadContext(json, Expressions);
            var projection = Wire.String(json, "ProjectionExpression") is { } text ? ExpressionParser.ParseProjection(text, context) : null;
            context.ThrowIfUnused();
            var table = engine.Catalog.Get(Wire.String(json, "TableName")!);
            var (hash, range) = ItemKeys.FromKey(table.Definition, AttributeValueJson.ReadItem(Wire.Map(json, "Key")!.Value));
            if (!seen.Add((table.Name, hash, range)))
            {
                throw DynamoDbException.Validation("Transaction request cannot include multiple operations on one item");
            }
            gets.Add(new Get(table, hash, range, projection));
        }
        var found = new StoredItem?[gets.Count];
        using (new TableLocks(gets.Select(g => g.Table)))
        {
            for (var i = 0; i < gets.Count; i++)
            {
                found[i] = gets[i].Table.GetLocked(gets[i].Hash, gets[i].Range);
            }
        }
        var capacities = new Dictionary<string, Capacity>(StringComparer.Ordinal);
        response.WriteStartObject();
        response.WriteStartArray("Responses"u8);
        for (var i = 0; i < gets.Count; i++)
        {
            response.WriteStartObject();
            if (found[i] is { } item)
            {
                AttributeValueJson.WriteItem(response, "Item", gets[i].Projection is { } p ? p.Apply(item.Attributes) : item.Attributes);
            }
            response.WriteEndObject();
            var name = gets[i].Table.Name;
            if (Capacity.For(capacityMode, name) is not null)
            {
                if (!capacities.TryGetValue(name, out var capacity))
                {
                    capacity = capacities[name] = Capacity.For(capacityMode, name)!;
                }
                capacity.AddRead(2 * Capacity.ReadUnits(found[i]?.Size ?? 0, true));
            }
        }
        response.WriteEndArray();
        if (capacities.Count > 0)
        {
            response.WriteStartArray("ConsumedCapacity"u8);
            foreach (var capacity in capacities.Values)
            {
                capacity.WriteJson(response);
            }
            response.WriteEndArray();
        }
        response.WriteEndObject();
    }
}
