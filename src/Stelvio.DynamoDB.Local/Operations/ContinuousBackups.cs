using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>DescribeContinuousBackups and UpdateContinuousBackups: the point-in-time recovery setting of a table.</summary>
internal static class ContinuousBackups
{
    public static void Describe(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var tableName = Common.TableName(request, constraints);
        constraints.ThrowIfAny();
        var table = Find(engine, tableName!);
        Write(engine, response, table.Definition);
    }

    public static void Update(DynamoEngine engine, JsonElement request, Utf8JsonWriter response)
    {
        var constraints = new Constraints();
        var tableName = Common.TableName(request, constraints);
        var spec = Wire.Structure(request, "PointInTimeRecoverySpecification");
        constraints.NotNull(spec, "pointInTimeRecoverySpecification");
        bool? enabled = null;
        long? days = null;
        if (spec is { } s)
        {
            enabled = Wire.Bool(s, "PointInTimeRecoveryEnabled");
            days = Wire.Long(s, "RecoveryPeriodInDays");
            constraints.NotNull(enabled, "pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled");
            constraints.AtLeast(days, "pointInTimeRecoverySpecification.recoveryPeriodInDays", 1).AtMost(days, "pointInTimeRecoverySpecification.recoveryPeriodInDays", 35);
        }
        constraints.ThrowIfAny();
        if (enabled == false && days is not null)
        {
            throw DynamoDbException.Validation("Invalid Request: Cannot specify RecoveryPeriodInDays when disabling point-in-time recovery.");
        }
        var table = Find(engine, tableName!);
        var now = engine.Catalog.Clock.GetUtcNow();
        var definition = engine.Catalog.Update(table, d => d.PointInTimeRecovery == enabled!.Value
            ? d
            : d with { PointInTimeRecovery = enabled!.Value, PointInTimeRecoveryEnabledAt = enabled.Value ? now : null });
        Write(engine, response, definition);
    }

    private static Table Find(DynamoEngine engine, string name) =>
        engine.Catalog.Find(name) ?? throw new DynamoDbException("TableNotFoundException", $"Table not found: {name}");

    private static void Write(DynamoEngine engine, Utf8JsonWriter response, TableDefinition definition)
    {
        response.WriteStartObject();
        response.WriteStartObject("ContinuousBackupsDescription"u8);
        response.WriteString("ContinuousBackupsStatus"u8, "ENABLED"u8);
        response.WriteStartObject("PointInTimeRecoveryDescription"u8);
        if (definition.PointInTimeRecovery)
        {
            response.WriteString("PointInTimeRecoveryStatus"u8, "ENABLED"u8);
            response.WriteNumber("RecoveryPeriodInDays"u8, 35);
            TableDescriptionJson.WriteTime(response, "EarliestRestorableDateTime", definition.PointInTimeRecoveryEnabledAt ?? definition.CreationDateTime);
            TableDescriptionJson.WriteTime(response, "LatestRestorableDateTime", engine.Catalog.Clock.GetUtcNow().AddMinutes(-5));
        }
        else
        {
            response.WriteString("PointInTimeRecoveryStatus"u8, "DISABLED"u8);
        }
        response.WriteEndObject();
        response.WriteEndObject();
        response.WriteEndObject();
    }
}
