using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>UpdateTimeToLive: enables or disables TTL on an attribute (the expiry itself runs in TimeToLive/).</summary>
internal static class UpdateTimeToLive
{
    public static void Handle(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var tableName = Common.TableName(request, constraints);
        var spec = Wire.Structure(request, "TimeToLiveSpecification");
        constraints.NotNull(spec, "timeToLiveSpecification");
        string? attributeName = null;
        bool? enabled = null;
        if (spec is { } s)
        {
            attributeName = Wire.String(s, "AttributeName");
            enabled = Wire.Bool(s, "Enabled");
            constraints.NotNull(enabled, "timeToLiveSpecification.enabled");
            constraints.NotNull(attributeName, "timeToLiveSpecification.attributeName");
            constraints.Length(attributeName, "timeToLiveSpecification.attributeName", 1, 255);
        }
        constraints.ThrowIfAny();
        var table = engine.Catalog.Find(tableName!)
            ?? throw DynamoDbException.ResourceNotFound($"Requested resource not found: Table: {tableName} not found");
        engine.Catalog.Update(table, definition =>
        {
            var current = definition.TimeToLive;
            if (enabled == true && current is { Enabled: true })
            {
                throw DynamoDbException.Validation("TimeToLive is already enabled");
            }
            if (enabled == false && current is not { Enabled: true })
            {
                throw DynamoDbException.Validation("TimeToLive is already disabled");
            }
            if (enabled == false && current!.AttributeName != attributeName)
            {
                throw DynamoDbException.Validation($"TimeToLive is active on a different AttributeName: current AttributeName is {current.AttributeName}");
            }
            return definition with { TimeToLive = new TimeToLiveSettings(attributeName!, enabled!.Value) };
        });
        response.WriteStartObject();
        response.WriteStartObject("TimeToLiveSpecification"u8);
        response.WriteString("AttributeName"u8, attributeName);
        response.WriteBoolean("Enabled"u8, enabled!.Value);
        response.WriteEndObject();
        response.WriteEndObject();
    }
}
