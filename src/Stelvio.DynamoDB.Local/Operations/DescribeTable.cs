using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>DescribeTable.</summary>
internal static class DescribeTable
{
    public static void Handle(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var tableName = Common.TableName(request, constraints);
        constraints.ThrowIfAny();
        var table = engine.Catalog.Find(tableName!)
            ?? throw DynamoDbException.ResourceNotFound($"Requested resource not found: Table: {tableName} not found");
        response.WriteStartObject();
        TableDescriptionJson.Write(response, "Table", table);
        response.WriteEndObject();
    }
}
