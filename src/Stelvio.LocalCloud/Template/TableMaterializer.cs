using System.Text.Json.Nodes;
using Stelvio.DynamoDB.Local;

namespace Stelvio.LocalCloud.Template;

/// <summary>
/// Creates a template's table in the engine (CreateTable, then UpdateTimeToLive and UpdateContinuousBackups), or,
/// when the engine's data directory already holds it, brings it in line with the template keeping its items
/// (<see cref="TableReconciler"/>). The table's ARN and stream ARN are the engine's.
/// </summary>
internal static class TableMaterializer
{
    public static LocalTable Materialize(TableSpec spec, DynamoEngine engine)
    {
        var existing = EngineCalls.Describe(engine, spec.TableName);
        if (existing is null)
        {
            EngineCalls.Invoke(engine, "CreateTable", spec.CreateRequest(), spec.LogicalId, spec.TableName);
            if (spec.TimeToLiveAttribute is { } attribute)
            {
                SetTimeToLive(engine, spec, attribute, enabled: true);
            }

            if (spec.PointInTimeRecovery)
            {
                SetPointInTimeRecovery(engine, spec);
            }
        }
        else
        {
            TableReconciler.Reconcile(spec, existing, engine);
        }

        var table = EngineCalls.Describe(engine, spec.TableName)!;
        return new LocalTable(
            spec.LogicalId,
            spec.TableName,
            TemplateValues.Text(table["TableArn"])!,
            spec.StreamViewType is null ? null : TemplateValues.Text(table["LatestStreamArn"]));
    }

    public static void SetTimeToLive(DynamoEngine engine, TableSpec spec, string attributeName, bool enabled) =>
        EngineCalls.Invoke(engine, "UpdateTimeToLive", new JsonObject
        {
            ["TableName"] = spec.TableName,
            ["TimeToLiveSpecification"] = new JsonObject { ["AttributeName"] = attributeName, ["Enabled"] = enabled },
        }, spec.LogicalId, spec.TableName);

    /// <summary>Sets point-in-time recovery as the template says (off when it says nothing).</summary>
    public static void SetPointInTimeRecovery(DynamoEngine engine, TableSpec spec)
    {
        var specification = new JsonObject { ["PointInTimeRecoveryEnabled"] = spec.PointInTimeRecovery };
        if (spec.PointInTimeRecovery && spec.RecoveryPeriodInDays is { } days)
        {
            specification["RecoveryPeriodInDays"] = days;
        }

        EngineCalls.Invoke(engine, "UpdateContinuousBackups", new JsonObject
        {
            ["TableName"] = spec.TableName,
            ["PointInTimeRecoverySpecification"] = specification,
        }, spec.LogicalId, spec.TableName);
    }
}
