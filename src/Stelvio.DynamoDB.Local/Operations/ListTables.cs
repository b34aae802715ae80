using System.Text.Json;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>ListTables: names in order, paged by Limit (1–100) and ExclusiveStartTableName.</summary>
internal static class ListTables
{
    public static void Handle(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var start = Wire.String(request, "ExclusiveStartTableName");
        var limit = Wire.Long(request, "Limit");
        if (start is not null)
        {
            constraints.Name(start, "exclusiveStartTableName");
        }
        constraints.AtLeast(limit, "limit", 1).AtMost(limit, "limit", 100);
        constraints.ThrowIfAny();
        var max = (int)(limit ?? 100);
        var names = engine.Catalog.Names();
        var from = 0;
        if (start is not null)
        {
            while (from < names.Count && string.CompareOrdinal(names[from], start) <= 0)
            {
                from++;
            }
        }
        var to = Math.Min(names.Count, from + max);
        response.WriteStartObject();
        response.WriteStartArray("TableNames"u8);
        for (var i = from; i < to; i++)
        {
            response.WriteStringValue(names[i]);
        }
        response.WriteEndArray();
        if (to < names.Count)
        {
            response.WriteString("LastEvaluatedTableName"u8, names[to - 1]);
        }
        response.WriteEndObject();
    }
}
