using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>DeleteTable: the description comes back with TableStatus DELETING; the table is gone at once.</summary>
internal static class DeleteTable
{
    public static void Handle(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var tableName = Common.TableName(request, constraints);
        constraints.ThrowIfAny();
        if (engine.Catalog.Find(tableName!) is { Definition.DeletionProtection: true })
        {
            throw DynamoDbException.Validation($"Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
        }
        var table = engine.Catalog.Delete(tableName!);
        response.WriteStartObject();
        TableDescriptionJson.Write(response, "TableDescription", table, "DELETING");
        response.WriteEndObject();
    }
}
