using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>
/// BatchGetItem: up to 100 keys over several tables, projected per table; keys beyond the 16 MB response limit come
/// back in UnprocessedKeys with their table's parameters, as DynamoDB returns them.
/// </summary>
internal static class BatchGetItem
{
    public const int MaxKeys = 100;
    public const int MaxResponseBytes = 16 * 1024 * 1024;

    private static readonly string[] Legacy = ["AttributesToGet"];
    private static readonly string[] Expressions = ["ProjectionExpression"];

    private sealed record TableRequest(string Name, JsonElement Json, Table Table, List<Dictionary<string, AttributeValue>> Keys, Projection? Projection, bool Consistent);

    public static void Handle(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var requestItems = Wire.Map(request, "RequestItems");
        constraints.NotNull(requestItems, "requestItems");
        var capacityMode = Common.ConsumedCapacity(request, constraints);
        var raw = new List<(string Name, JsonElement Json, List<JsonElement>? Keys, List<string>? AttributesToGet)>();
        if (requestItems is { } map)
        {
            foreach (var property in map.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }
                var json = property.Value.ValueKind == JsonValueKind.Object ? property.Value : throw WireErrors.WrongType(property.Value.ValueKind, WireShape.Structure);
                var keys = Wire.StructureList(json, "Keys");
                var attributesToGet = ReadProjection.AttributesToGet(json, constraints);
                _ = Wire.Bool(json, "ConsistentRead");
                raw.Add((property.Name, json, keys, attributesToGet));
                if (keys is null)
                {
                    constraints.Fail(null, $"requestItems.{property.Name}.member.keys", "Member must not be null");
                }
                else if (keys.Count is 0 or > MaxKeys)
                {
                    constraints.Fail("[...]", $"requestItems.{property.Name}.member.keys", keys.Count == 0 ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 100");
                }
                if (property.Name.Length < 3 || property.Name.Length > 255 || !Constraints.IsName(property.Name))
                {
                    constraints.Fail("{" + property.Name + "=...}", "requestItems", "Map keys must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]");
                }
            }
            if (raw.Count == 0)
            {
                constraints.Fail("{}", "requestItems", "Member must have length greater than or equal to 1");
            }
        }
        constraints.ThrowIfAny();

        var total = 0;
        foreach (var entry in raw)
        {
            total += entry.Keys!.Count;
        }
        if (total > MaxKeys)
        {
            throw DynamoDbException.Validation("Too many items requested for the BatchGetItem call");
        }
        var tables = new List<TableRequest>(raw.Count);
        foreach (var (name, json, keysJson, attributesToGet) in raw)
        {
            RequestExpressions.CheckNotMixed(json, Legacy, Expressions);
            var context = RequestExpressions.ReadContext(json, Expressions);
            var keys = new List<Dictionary<string, AttributeValue>>(keysJson!.Count);
            foreach (var keyJson in keysJson)
            {
                keys.Add(AttributeValueJson.ReadItem(keyJson));
            }
            var projection = ReadProjection.Parse(json, context, attributesToGet);
            context.ThrowIfUnused();
            var table = engine.Catalog.Get(name);
            var seen = new HashSet<(AttributeValue, AttributeValue?)>();
            foreach (var key in keys)
            {
                if (!seen.Add(ItemKeys.FromKey(table.Definition, key)))
                {
                    throw DynamoDbException.Validation("Provided list of item keys contains duplicates");
                }
            }
            tables.Add(new TableRequest(name, json, table, keys, projection, Wire.Bool(json, "ConsistentRead") ?? false));
        }

        long bytes = 0;
        response.WriteStartObject();
        response.WriteStartObject("Responses"u8);
        var unprocessed = new List<(TableRequest Table, List<Dictionary<string, AttributeValue>> Keys)>();
        var capacities = new List<Capacity>();
        foreach (var table in tables)
        {
            response.WriteStartArray(table.Name);
            var capacity = Capacity.For(capacityMode, table.Table.Definition.Name);
            List<Dictionary<string, AttributeValue>>? left = null;
            foreach (var key in table.Keys)
            {
                if (bytes >= MaxResponseBytes)
                {
                    (left ??= []).Add(key);
                    continue;
                }
                var (hash, range) = ItemKeys.FromKey(table.Table.Definition, key);
                StoredItem? found;
                lock (table.Table.Sync)
                {
                    table.Table.EnsureLiveLocked();
                    found = table.Table.GetLocked(hash, range);
                }
                capacity?.AddRead(Capacity.ReadUnits(found?.Size ?? 0, table.Consistent));
                if (found is not null)
                {
                    bytes += found.Size;
                    AttributeValueJson.WriteItem(response, ReadProjection.Apply(table.Projection, found.Attributes));
                }
            }
            response.WriteEndArray();
            if (left is not null)
            {
                unprocessed.Add((table, left));
            }
            if (capacity is not null)
            {
                capacities.Add(capacity);
            }
        }
        response.WriteEndObject();
        response.WriteStartObject("UnprocessedKeys"u8);
        foreach (var (table, keys) in unprocessed)
        {
            response.WriteStartObject(table.Name);
            response.WriteStartArray("Keys"u8);
            foreach (var key in keys)
            {
                AttributeValueJson.WriteItem(response, key);
            }
            response.WriteEndArray();
            foreach (var property in table.Json.EnumerateObject())
            {
                if (property.Name != "Keys")
                {
                    property.WriteTo(response);
                }
            }
            response.WriteEndObject();
        }
        response.WriteEndObject();
        if (capacities.Count > 0)
        {
            response.WriteStartArray("ConsumedCapacity"u8);
            foreach (var capacity in capacities)
            {
                capacity.WriteJson(response);
            }
            response.WriteEndArray();
        }
        response.WriteEndObject();
    }
}
