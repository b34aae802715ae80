using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>
/// BatchWriteItem: up to 25 puts and deletes over several tables, each its own write (not a transaction). All
/// are validated before any is applied; nothing is left unprocessed locally, so UnprocessedItems is empty.
/// </summary>
internal static class BatchWriteItem
{
    public const int MaxRequests = 25;

    private sealed record Write(Table Table, AttributeValue Hash, AttributeValue? Range, StoredItem? Put);

    public static void Handle(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var requestItems = Wire.Map(request, "RequestItems");
        constraints.NotNull(requestItems, "requestItems");
        var capacityMode = Common.ConsumedCapacity(request, constraints);
        var metrics = Common.CollectionMetrics(request, constraints);
        var tables = new List<(string Name, List<JsonElement> Requests)>();
        if (requestItems is { } map)
        {
            foreach (var property in map.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }
                if (property.Value.ValueKind != JsonValueKind.Array)
                {
                    throw WireErrors.WrongType(property.Value.ValueKind, WireShape.List);
                }
                var requests = new List<JsonElement>();
                foreach (var element in property.Value.EnumerateArray())
                {
                    requests.Add(element.ValueKind == JsonValueKind.Object ? element : throw WireErrors.WrongType(element.ValueKind, WireShape.Structure));
                }
                tables.Add((property.Name, requests));
            }
            if (tables.Count == 0)
            {
                constraints.Fail("{}", "requestItems", "Member must have length greater than or equal to 1");
            }
            foreach (var (name, requests) in tables)
            {
                if (requests.Count is 0 or > MaxRequests)
                {
                    constraints.Fail("{" + name + "=[...]}", "requestItems", "Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
                }
                if (name.Length < 3 || name.Length > 255 || !Constraints.IsName(name))
                {
                    constraints.Fail("{" + name + "=[...]}", "requestItems", "Map keys must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]");
                }
            }
        }
        constraints.ThrowIfAny();

        var total = 0;
        foreach (var (_, requests) in tables)
        {
            total += requests.Count;
        }
        if (total > MaxRequests)
        {
            throw DynamoDbException.Validation("Too many items requested for the BatchWriteItem call");
        }
        var writes = new List<Write>(total);
        foreach (var (name, requests) in tables)
        {
            var parsed = new List<(JsonElement? Put, JsonElement? Delete)>();
            foreach (var writeRequest in requests)
            {
                var put = Wire.Structure(writeRequest, "PutRequest");
                var delete = Wire.Structure(writeRequest, "DeleteRequest");
                if (put is null == delete is null)
                {
                    throw DynamoDbException.Validation("A WriteRequest must contain exactly one of PutRequest or DeleteRequest");
                }
                parsed.Add((put, delete));
            }
            var table = engine.Catalog.Get(name);
            var definition = table.Definition;
            var keys = new HashSet<(AttributeValue, AttributeValue?)>();
            foreach (var (put, delete) in parsed)
            {
                Write write;
                if (put is { } p)
                {
                    var itemJson = Wire.Map(p, "Item") ?? throw DynamoDbException.Validation("1 validation error detected: Value null at 'requestItems." + name + ".member.putRequest.item' failed to satisfy constraint: Member must not be null");
                    var item = AttributeValueJson.ReadItem(itemJson);
                    var (hash, range) = ItemKeys.FromItem(definition, item);
                    var size = ItemSize.Of(item);
                    Common.CheckItemSize(size);
                    write = new Write(table, hash, range, ItemFactory.Create(definition, item, size));
                }
                else
                {
                    var keyJson = Wire.Map(delete!.Value, "Key") ?? throw DynamoDbException.Validation("1 validation error detected: Value null at 'requestItems." + name + ".member.deleteRequest.key' failed to satisfy constraint: Member must not be null");
                    var (hash, range) = ItemKeys.FromKey(definition, AttributeValueJson.ReadItem(keyJson));
                    write = new Write(table, hash, range, null);
                }
                if (!keys.Add((write.Hash, write.Range)))
                {
                    throw DynamoDbException.Validation("Provided list of item keys contains duplicates");
                }
                writes.Add(write);
            }
        }

        var capacities = new Dictionary<string, Capacity>(StringComparer.Ordinal);
        foreach (var write in writes)
        {
            var definition = write.Table.Definition;
            var capacity = Capacity.For(capacityMode, definition.Name);
            if (capacity is not null && !capacities.TryGetValue(definition.Name, out capacity))
            {
                capacity = capacities[definition.Name] = Capacity.For(capacityMode, definition.Name)!;
            }
            lock (write.Table.Sync)
            {
                write.Table.EnsureLiveLocked();
                var old = write.Table.GetLocked(write.Hash, write.Range);
                var change = write.Put is not null ? write.Table.PutLocked(write.Put) : old is null ? null : write.Table.DeleteLocked(write.Hash, write.Range);
                engine.Catalog.Publish(change);
                capacity?.AddIndexWrites(definition, change);
                capacity?.AddWrite(Capacity.WriteUnits(Math.Max(write.Put?.Size ?? 0, old?.Size ?? 0)));
            }
        }

        response.WriteStartObject();
        response.WriteStartObject("UnprocessedItems"u8);
        response.WriteEndObject();
        if (capacities.Count > 0)
        {
            response.WriteStartArray("ConsumedCapacity"u8);
            foreach (var capacity in capacities.Values)
            {
                capacity.WriteJson(response);
            }
            response.WriteEndArray();
        }
        if (metrics)
        {
            response.WriteStartObject("ItemCollectionMetrics"u8);
            foreach (var group in writes.GroupBy(w => w.Table.Definition.Name))
            {
                var definition = group.First().Table.Definition;
                if (definition.LocalIndexes.Count == 0)
                {
                    continue;
                }
                response.WriteStartArray(group.Key);
                foreach (var write in group)
                {
                    response.WriteStartObject();
                    ItemOutput.WriteCollectionMetricsBody(response, definition, write.Hash);
                    response.WriteEndObject();
                }
                response.WriteEndArray();
            }
            response.WriteEndObject();
        }
        response.WriteEndObject();
    }
}
