using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>PutItem: replaces the whole item, atomically with its condition.</summary>
internal static class PutItem
{
    public static void Handle(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var tableName = Common.TableName(request, constraints);
        var itemJson = Wire.Map(request, "Item");
        constraints.NotNull(itemJson, "item");
        var (returnValues, capacityMode, metrics, onFailure) = WriteOptions.Read(request, constraints);
        var (condition, context) = WriteCondition.ReadAll(request, constraints);
        var item = AttributeValueJson.ReadItem(itemJson!.Value);
        if (returnValues is not null and not "NONE" and not "ALL_OLD")
        {
            throw DynamoDbException.Validation("ReturnValues can only be ALL_OLD or NONE");
        }
        context.ThrowIfUnused();

        var table = engine.Catalog.Get(tableName!);
        var definition = table.Definition;
        ItemKeys.FromItem(definition, item);
        var size = ItemSize.Of(item);
        Common.CheckItemSize(size);
        var stored = ItemFactory.Create(definition, item, size);
        var capacity = Capacity.For(capacityMode, definition.Name);
        StoredItem? old;
        lock (table.Sync)
        {
            table.EnsureLiveLocked();
            old = table.GetLocked(stored.Hash, stored.Range);
            condition?.Check(old?.Attributes, onFailure == "ALL_OLD");
            var change = table.PutLocked(stored);
            engine.Catalog.Publish(change);
            capacity?.AddIndexWrites(definition, change);
        }
        capacity?.AddWrite(Capacity.WriteUnits(Math.Max(size, old?.Size ?? 0)));
        ItemOutput.Write(response, returnValues == "ALL_OLD" ? old?.Attributes : null, capacity, metrics, definition, stored.Hash);
    }
}
