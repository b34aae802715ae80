using System.Text.Json;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>GetItem: one item by its full key, projected.</summary>
internal static class GetItem
{
    private static readonly string[] Legacy = ["AttributesToGet"];
    private static readonly string[] Expressions = ["ProjectionExpression"];

    public static void Handle(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var tableName = Common.TableName(request, constraints);
        var keyJson = Wire.Map(request, "Key");
        constraints.NotNull(keyJson, "key");
        var capacityMode = Common.ConsumedCapacity(request, constraints);
        var consistent = Wire.Bool(request, "ConsistentRead") ?? false;
        var attributesToGet = ReadProjection.AttributesToGet(request, constraints);
        constraints.ThrowIfAny();
        RequestExpressions.CheckNotMixed(request, Legacy, Expressions);
        var context = RequestExpressions.ReadContext(request, Expressions);
        var key = AttributeValueJson.ReadItem(keyJson!.Value);
        var projection = ReadProjection.Parse(request, context, attributesToGet);
        context.ThrowIfUnused();

        var table = engine.Catalog.Get(tableName!);
        var definition = table.Definition;
        var (hash, range) = ItemKeys.FromKey(definition, key);
        Storage.StoredItem? found;
        lock (table.Sync)
        {
            table.EnsureLiveLocked();
            found = table.GetLocked(hash, range);
        }
        response.WriteStartObject();
        if (found is not null)
        {
            AttributeValueJson.WriteItem(response, "Item", ReadProjection.Apply(projection, found.Attributes));
        }
        if (Capacity.For(capacityMode, definition.Name) is { } capacity)
        {
            capacity.AddRead(Capacity.ReadUnits(found?.Size ?? 0, consistent));
            capacity.WriteProperty(response);
        }
        response.WriteEndObject();
    }
}
