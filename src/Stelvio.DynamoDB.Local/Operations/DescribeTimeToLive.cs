using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>DescribeTimeToLive: ENABLED with the attribute, or DISABLED.</summary>
internal static class DescribeTimeToLive
{
    public static void Handle(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var tableName = Common.TableName(request, constraints);
        constraints.ThrowIfAny();
        var table = engine.Catalog.Find(tableName!)
            ?? throw DynamoDbException.ResourceNotFound($"Requested resource not found: Table: {tableName} not found");
        var ttl = table.Definition.TimeToLive;
        response.WriteStartObject();
        response.WriteStartObject("TimeToLiveDescription"u8);
        if (ttl is { Enabled: true })
        {
            response.WriteString("TimeToLiveStatus"u8, "ENABLED"u8);
            response.WriteString("AttributeName"u8, ttl.AttributeName);
        }
        else
        {
            response.WriteString("TimeToLiveStatus"u8, "DISABLED"u8);
        }
        response.WriteEndObject();
        response.WriteEndObject();
    }
}
