using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>DeleteItem: removes an item by key, atomically with its condition.</summary>
internal static class DeleteItem
{
    public static void Handle(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var tableName = Common.TableName(request, constraints);
        var keyJson = Wire.Map(request, "Key");
        constraints.NotNull(keyJson, "key");
        var (returnValues, capacityMode, metrics, onFailure) = WriteOptions.Read(request, constraints);
        var (condition, context) = WriteCondition.ReadAll(request, constraints);
        var key = AttributeValueJson.ReadItem(keyJson!.Value);
        if (returnValues is not null and not "NONE" and not "ALL_OLD")
        {
            throw DynamoDbException.Validation("ReturnValues can only be ALL_OLD or NONE");
        }
        context.ThrowIfUnused();

        var table = engine.Catalog.Get(tableName!);
        var definition = table.Definition;
        var (hash, range) = ItemKeys.FromKey(definition, key);
        var capacity = Capacity.For(capacityMode, definition.Name);
        Storage.StoredItem? old;
        lock (table.Sync)
        {
            table.EnsureLiveLocked();
            old = table.GetLocked(hash, range);
            condition?.Check(old?.Attributes, onFailure == "ALL_OLD");
            var change = old is null ? null : table.DeleteLocked(hash, range);
            engine.Catalog.Publish(change);
            capacity?.AddIndexWrites(definition, change);
        }
        capacity?.AddWrite(Capacity.WriteUnits(old?.Size ?? 0));
        ItemOutput.Write(response, returnValues == "ALL_OLD" ? old?.Attributes : null, capacity, metrics, definition, hash);
    }
}
