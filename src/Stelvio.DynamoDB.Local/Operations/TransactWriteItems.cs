using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>
/// TransactWriteItems: up to 100 condition checks, puts, updates and deletes, all or nothing. The tables are locked
/// in name order, every condition is evaluated, and only then is anything written, as one commit. A failed
/// condition cancels the transaction with one reason per item, in order.
/// </summary>
internal static class TransactWriteItems
{
    public const int MaxItems = 100;
    public const int MaxBytes = 4 * 1024 * 1024;

    private static readonly string[] Members = ["ConditionCheck", "Put", "Delete", "Update"];
    private static readonly string[] UpdateExpressions = ["UpdateExpression", "ConditionExpression"];
    private static readonly string[] ConditionExpressions = ["ConditionExpression"];

    private sealed record Action(string Kind, Table Table, AttributeValue Hash, AttributeValue? Range, IReadOnlyDictionary<string, AttributeValue> Key, StoredItem? Put, UpdateAction? Update, WriteCondition? Condition, bool ReturnOld);

    public static void Handle(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var items = Wire.StructureList(request, "TransactItems");
        constraints.NotNull(items, "transactItems");
        constraints.Count(items, "transactItems", 1, MaxItems, () => "[...]");
        var capacityMode = Common.ConsumedCapacity(request, constraints);
        var metrics = Common.CollectionMetrics(request, constraints);
        var token = Wire.String(request, "ClientRequestToken");
        constraints.Length(token, "clientRequestToken", 1, 36);
        var parts = new List<(string Kind, JsonElement Json)>();
        for (var i = 0; items is not null && i < items.Count; i++)
        {
            string? kind = null;
            JsonElement json = default;
            var count = 0;
            foreach (var member in Members)
            {
                if (Wire.Structure(items[i], member) is { } found)
                {
                    kind = member;
                    json = found;
                    count++;
                }
            }
            if (count != 1)
            {
                throw DynamoDbException.Validation("TransactItems can only contain one of Check, Put, Update or Delete");
            }
            var path = $"transactItems.{i + 1}.member.{char.ToLowerInvariant(kind![0])}{kind[1..]}";
            Common.TableName(json, constraints, path: path + ".tableName");
            var onFailure = Wire.String(json, "ReturnValuesOnConditionCheckFailure");
            constraints.Enum(onFailure, path + ".returnValuesOnConditionCheckFailure", Common.OnConditionFailure);
            if (kind == "ConditionCheck")
            {
                constraints.NotNull(Wire.String(json, "ConditionExpression"), path + ".conditionExpression");
            }
            if (kind == "Update")
            {
                constraints.NotNull(Wire.String(json, "UpdateExpression"), path + ".updateExpression");
            }
            if (kind == "Put")
            {
                constraints.NotNull(Wire.Map(json, "Item"), path + ".item");
            }
            else
            {
                constraints.NotNull(Wire.Map(json, "Key"), path + ".key");
            }
            parts.Add((kind, json));
        }
        constraints.ThrowIfAny();

        var requestText = request.GetRawText();
        if (token is not null && engine.TransactionTokens.Replay(token, requestText) is { } replay)
        {
            response.WriteRawValue(replay, skipInputValidation: true);
            return;
        }

        var actions = new List<Action>(parts.Count);
        var seen = new HashSet<(string, AttributeValue, AttributeValue?)>();
        long totalSize = 0;
        foreach (var (kind, json) in parts)
        {
            var context = RequestExpressions.ReadContext(json, kind == "Update" ? UpdateExpressions : ConditionExpressions);
            var conditionText = Wire.String(json, "ConditionExpression");
            var condition = conditionText is null ? null : new WriteCondition(ExpressionParser.ParseCondition(conditionText, context, "ConditionExpression"));
            var update = kind == "Update" ? ExpressionParser.ParseUpdate(Wire.String(json, "UpdateExpression")!, context) : null;
            context.ThrowIfUnused();
            var table = engine.Catalog.Get(Wire.String(json, "TableName")!);
            var definition = table.Definition;
            Action action;
            if (kind == "Put")
            {
                var item = AttributeValueJson.ReadItem(Wire.Map(json, "Item")!.Value);
                var (hash, range) = ItemKeys.FromItem(definition, item);
                var size = ItemSize.Of(item);
                Common.CheckItemSize(size);
                totalSize += size;
                action = new Action(kind, table, hash, range, table.KeysOf(ItemFactory.Create(definition, item, size)), ItemFactory.Create(definition, item, size), null, condition, false);
            }
            else
            {
                var key = AttributeValueJson.ReadItem(Wire.Map(json, "Key")!.Value);
                var (hash, range) = ItemKeys.FromKey(definition, key);
                if (update is not null)
                {
                    UpdateItem.CheckNotKey(definition, update);
                }
                action = new Action(kind, table, hash, range, key, null, update, condition, false);
            }
            action = action with { ReturnOld = Wire.String(json, "ReturnValuesOnConditionCheckFailure") == "ALL_OLD" };
            if (!seen.Add((definition.Name, action.Hash, action.Range)))
            {
                throw DynamoDbException.Validation("Transaction request cannot include multiple operations on one item");
            }
            actions.Add(action);
        }
        if (totalSize > MaxBytes)
        {
            throw DynamoDbException.Validation("Transaction request size exceeds the maximum allowed size of 4 MB");
        }

        var capacities = new Dictionary<string, Capacity>(StringComparer.Ordinal);
        using (new TableLocks(actions.Select(a => a.Table)))
        {
            var olds = new StoredItem?[actions.Count];
            CancellationReason[]? reasons = null;
            for (var i = 0; i < actions.Count; i++)
            {
                var action = actions[i];
                olds[i] = action.Table.GetLocked(action.Hash, action.Range);
                if (action.Condition is not null && !action.Condition.Condition.Evaluate(olds[i]?.Attributes))
                {
                    reasons ??= Enumerable.Repeat(CancellationReason.None, actions.Count).ToArray();
                    reasons[i] = new CancellationReason("ConditionalCheckFailed", "The conditional request failed", action.ReturnOld ? olds[i]?.Attributes : null);
                }
            }
            if (reasons is not null)
            {
                throw new TransactionCanceledException(reasons);
            }
            var news = new StoredItem?[actions.Count];
            for (var i = 0; i < actions.Count; i++)
            {
                var action = actions[i];
                if (action.Kind == "Update")
                {
                    var definition = action.Table.Definition;
                    var updated = UpdateItem.Apply(definition, action.Update, olds[i]?.Attributes, action.Key, out var size);
                    news[i] = ItemFactory.Create(definition, updated, size);
                }
                else
                {
                    news[i] = action.Put;
                }
            }
            var changes = new List<ItemChange>(actions.Count);
            for (var i = 0; i < actions.Count; i++)
            {
                var action = actions[i];
                var definition = action.Table.Definition;
                var change = action.Kind switch
                {
                    "Put" or "Update" => action.Table.PutLocked(news[i]!),
                    "Delete" => olds[i] is null ? null : action.Table.DeleteLocked(action.Hash, action.Range),
                    _ => null,
                };
                if (change is not null)
                {
                    changes.Add(change);
                }
                if (Capacity.For(capacityMode, definition.Name) is not null)
                {
                    if (!capacities.TryGetValue(definition.Name, out var capacity))
                    {
                        capacity = capacities[definition.Name] = Capacity.For(capacityMode, definition.Name)!;
                    }
                    capacity.AddIndexWrites(definition, change);
                    capacity.AddWrite(2 * Capacity.WriteUnits(Math.Max(news[i]?.Size ?? 0, olds[i]?.Size ?? 0)));
                }
            }
            engine.Catalog.Publish(changes);
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (capacities.Count > 0)
            {
                writer.WriteStartArray("ConsumedCapacity"u8);
                foreach (var capacity in capacities.Values)
                {
                    capacity.WriteJson(writer);
                }
                writer.WriteEndArray();
            }
            if (metrics)
            {
                writer.WriteStartObject("ItemCollectionMetrics"u8);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        var bytes = buffer.WrittenSpan.ToArray();
        if (token is not null)
        {
            engine.TransactionTokens.Remember(token, requestText, bytes);
        }
        response.WriteRawValue(bytes, skipInputValidation: true);
    }
}
