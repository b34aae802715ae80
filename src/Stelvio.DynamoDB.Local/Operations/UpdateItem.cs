using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>UpdateItem: applies an UpdateExpression (or AttributeUpdates) to the item, creating it when absent, atomically with its condition.</summary>
internal static class UpdateItem
{
    private static readonly string[] UpdateExpressionMember = ["UpdateExpression"];
    private static readonly string[] AttributeUpdatesMember = ["AttributeUpdates"];

    public static void Handle(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var tableName = Common.TableName(request, constraints);
        var keyJson = Wire.Map(request, "Key");
        constraints.NotNull(keyJson, "key");
        var (returnValues, capacityMode, metrics, onFailure) = WriteOptions.Read(request, constraints);
        var attributeUpdates = LegacyJson.AttributeUpdates(request, constraints);
        var (condition, context) = WriteCondition.ReadAll(request, constraints, UpdateExpressionMember, AttributeUpdatesMember);
        var key = AttributeValueJson.ReadItem(keyJson!.Value);
        var updateText = Wire.String(request, "UpdateExpression");
        UpdateAction? update = updateText is not null
            ? ExpressionParser.ParseUpdate(updateText, context)
            : attributeUpdates is not null ? LegacyExpressions.FromAttributeUpdates(attributeUpdates) : null;
        context.ThrowIfUnused();

        var table = engine.Catalog.Get(tableName!);
        var definition = table.Definition;
        var (hash, range) = ItemKeys.FromKey(definition, key);
        if (update is not null)
        {
            CheckNotKey(definition, update);
        }
        var capacity = Capacity.For(capacityMode, definition.Name);
        StoredItem? old;
        IReadOnlyDictionary<string, AttributeValue> updated;
        int size;
        lock (table.Sync)
        {
            table.EnsureLiveLocked();
            old = table.GetLocked(hash, range);
            condition?.Check(old?.Attributes, onFailure == "ALL_OLD");
            updated = Apply(definition, update, old?.Attributes, key, out size);
            var change = table.PutLocked(ItemFactory.Create(definition, updated, size));
            engine.Catalog.Publish(change);
            capacity?.AddIndexWrites(definition, change);
        }
        capacity?.AddWrite(Capacity.WriteUnits(Math.Max(size, old?.Size ?? 0)));
        IReadOnlyDictionary<string, AttributeValue>? attributes = returnValues switch
        {
            "ALL_OLD" => old?.Attributes,
            "ALL_NEW" => updated,
            "UPDATED_OLD" => old is null || update is null ? null : PathProjection.Project(old.Attributes, update.Paths),
            "UPDATED_NEW" => update is null ? null : PathProjection.Project(updated, update.Paths),
            _ => null,
        };
        if (attributes is { Count: 0 })
        {
            attributes = null;
        }
        ItemOutput.Write(response, attributes, capacity, metrics, definition, hash);
    }

    /// <summary>The key attributes cannot be updated.</summary>
    public static void CheckNotKey(TableDefinition definition, UpdateAction update)
    {
        foreach (var path in update.Paths)
        {
            if (definition.Key.IsKeyAttribute(path.Root))
            {
                throw DynamoDbException.Validation($"One or more parameter values were invalid: Cannot update attribute {path.Root}. This attribute is part of the key");
            }
        }
    }

    /// <summary>The item after the update (the key alone when there was no item), validated as a stored item.</summary>
    public static IReadOnlyDictionary<string, AttributeValue> Apply(
        TableDefinition definition,
        UpdateAction? update,
        IReadOnlyDictionary<string, AttributeValue>? old,
        IReadOnlyDictionary<string, AttributeValue> key,
        out int size)
    {
        var start = old ?? key;
        var updated = update is null ? start : update.Apply(start);
        ItemKeys.CheckIndexKeys(definition, updated);
        size = ItemSize.Of(updated);
        if (size > Common.MaxItemSize)
        {
            throw DynamoDbException.Validation("Item size to update has exceeded the maximum allowed size");
        }
        return updated;
    }
}
