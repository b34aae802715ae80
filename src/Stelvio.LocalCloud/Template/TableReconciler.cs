using System.Text.Json.Nodes;
using Stelvio.DynamoDB.Local;

namespace Stelvio.LocalCloud.Template;

/// <summary>
/// Brings a table the engine's data directory already holds in line with the template, keeping its items: global
/// indexes created, replaced or deleted, billing, stream, TTL, point-in-time recovery, deletion protection, table
/// class and tags updated. A different key schema or different local indexes cannot be changed on a table (in AWS
/// either): that is an error telling the user to delete the data directory or the table.
/// </summary>
internal static class TableReconciler
{
    public static void Reconcile(TableSpec spec, JsonObject existing, DynamoEngine engine)
    {
        CheckKeySchema(spec, existing);
        CheckLocalIndexes(spec, existing);
        ReconcileBilling(spec, existing, engine);
        ReconcileGlobalIndexes(spec, existing, engine);
        ReconcileStream(spec, existing, engine);
        ReconcileTimeToLive(spec, engine);
        ReconcilePointInTimeRecovery(spec, engine);
        ReconcileSettings(spec, existing, engine);
        if (spec.Tags is { Count: > 0 } tags)
        {
            Update(engine, spec, "TagResource", new JsonObject { ["ResourceArn"] = existing["TableArn"]!.DeepClone(), ["Tags"] = tags.DeepClone() });
        }
    }

    private static void CheckKeySchema(TableSpec spec, JsonObject existing)
    {
        var kept = Keys((JsonArray)existing["KeySchema"]!, name => Type((JsonArray)existing["AttributeDefinitions"]!, name));
        var wanted = Keys(spec.KeySchema, spec.AttributeType);
        if (kept != wanted)
        {
            throw new LocalTemplateException(spec.LogicalId, "Properties.KeySchema",
                $"the data directory holds table '{spec.TableName}' with the key schema {kept}, but the template declares {wanted}. " +
                $"A table's keys cannot change while it keeps its items: delete the data directory (or the table '{spec.TableName}' in it, with DeleteTable) and start again.");
        }
    }

    private static void CheckLocalIndexes(TableSpec spec, JsonObject existing)
    {
        var kept = Indexes(existing["LocalSecondaryIndexes"] as JsonArray);
        var wanted = Indexes(spec.LocalSecondaryIndexes);
        if (!kept.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(wanted.OrderBy(p => p.Key, StringComparer.Ordinal)))
        {
            throw new LocalTemplateException(spec.LogicalId, "Properties.LocalSecondaryIndexes",
                $"the data directory holds table '{spec.TableName}' with the local indexes [{string.Join("; ", kept.Values)}], but the template declares [{string.Join("; ", wanted.Values)}]. " +
                $"Local indexes are fixed when a table is created: delete the data directory (or the table '{spec.TableName}' in it, with DeleteTable) and start again.");
        }
    }

    private static void ReconcileBilling(TableSpec spec, JsonObject existing, DynamoEngine engine)
    {
        var mode = TemplateValues.Text(existing["BillingModeSummary"]?["BillingMode"]) ?? "PROVISIONED";
        var throughput = existing["ProvisionedThroughput"];
        var request = new JsonObject { ["TableName"] = spec.TableName };
        if (mode != spec.BillingMode)
        {
            request["BillingMode"] = spec.BillingMode;
        }

        if (spec.BillingMode == "PROVISIONED" && spec.ProvisionedThroughput is { } wanted && !SameThroughput(throughput, wanted))
        {
            request["ProvisionedThroughput"] = wanted.DeepClone();
        }

        if (request.Count > 1)
        {
            Update(engine, spec, "UpdateTable", request);
        }
    }

    private static void ReconcileGlobalIndexes(TableSpec spec, JsonObject existing, DynamoEngine engine)
    {
        var kept = (existing["GlobalSecondaryIndexes"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(i => TemplateValues.Text(i["IndexName"])!, StringComparer.Ordinal);
        var wanted = (spec.GlobalSecondaryIndexes ?? []).OfType<JsonObject>().ToDictionary(i => TemplateValues.Text(i["IndexName"])!, StringComparer.Ordinal);
        var create = new List<JsonObject>();
        foreach (var (name, index) in kept)
        {
            if (!wanted.TryGetValue(name, out var target) || Describe(target) != Describe(index))
            {
                UpdateIndex(engine, spec, new JsonObject { ["Delete"] = new JsonObject { ["IndexName"] = name } });
                if (target is not null)
                {
                    create.Add(target);
                }
            }
            else if (spec.BillingMode == "PROVISIONED" && target["ProvisionedThroughput"] is JsonObject throughput && !SameThroughput(index["ProvisionedThroughput"], throughput))
            {
                UpdateIndex(engine, spec, new JsonObject { ["Update"] = new JsonObject { ["IndexName"] = name, ["ProvisionedThroughput"] = throughput.DeepClone() } });
            }
        }

        create.AddRange(wanted.Where(p => !kept.ContainsKey(p.Key)).Select(p => p.Value));
        foreach (var index in create)
        {
            UpdateIndex(engine, spec, new JsonObject { ["Create"] = index.DeepClone() });
        }
    }

    private static void ReconcileStream(TableSpec spec, JsonObject existing, DynamoEngine engine)
    {
        var kept = existing["StreamSpecification"]?["StreamEnabled"] is JsonValue enabled && enabled.GetValue<bool>() ? TemplateValues.Text(existing["StreamSpecification"]!["StreamViewType"]) : null;
        if (kept == spec.StreamViewType)
        {
            return;
        }

        if (kept is not null)
        {
            Update(engine, spec, "UpdateTable", new JsonObject { ["TableName"] = spec.TableName, ["StreamSpecification"] = new JsonObject { ["StreamEnabled"] = false } });
        }

        if (spec.StreamViewType is not null)
        {
            Update(engine, spec, "UpdateTable", new JsonObject
            {
                ["TableName"] = spec.TableName,
                ["StreamSpecification"] = new JsonObject { ["StreamEnabled"] = true, ["StreamViewType"] = spec.StreamViewType },
            });
        }
    }

    private static void ReconcileTimeToLive(TableSpec spec, DynamoEngine engine)
    {
        var description = EngineCalls.Invoke(engine, "DescribeTimeToLive", new JsonObject { ["TableName"] = spec.TableName }, spec.LogicalId, spec.TableName)["TimeToLiveDescription"];
        var keptAttribute = TemplateValues.Text(description?["TimeToLiveStatus"]) is "ENABLED" or "ENABLING" ? TemplateValues.Text(description?["AttributeName"]) : null;
        var wantedAttribute = spec.TimeToLiveAttribute;
        if (keptAttribute == wantedAttribute)
        {
            return;
        }

        if (keptAttribute is not null)
        {
            TableMaterializer.SetTimeToLive(engine, spec, keptAttribute, enabled: false);
        }

        if (wantedAttribute is not null)
        {
            TableMaterializer.SetTimeToLive(engine, spec, wantedAttribute, enabled: true);
        }
    }

    private static void ReconcilePointInTimeRecovery(TableSpec spec, DynamoEngine engine)
    {
        var description = EngineCalls.Invoke(engine, "DescribeContinuousBackups", new JsonObject { ["TableName"] = spec.TableName }, spec.LogicalId, spec.TableName);
        var enabled = TemplateValues.Text(description["ContinuousBackupsDescription"]?["PointInTimeRecoveryDescription"]?["PointInTimeRecoveryStatus"]) == "ENABLED";
        if (enabled != spec.PointInTimeRecovery)
        {
            TableMaterializer.SetPointInTimeRecovery(engine, spec);
        }
    }

    private static void ReconcileSettings(TableSpec spec, JsonObject existing, DynamoEngine engine)
    {
        var request = new JsonObject { ["TableName"] = spec.TableName };
        if ((existing["DeletionProtectionEnabled"] is JsonValue protection && protection.GetValue<bool>()) != spec.DeletionProtection)
        {
            request["DeletionProtectionEnabled"] = spec.DeletionProtection;
        }

        var tableClass = TemplateValues.Text(existing["TableClassSummary"]?["TableClass"]) ?? "STANDARD";
        if ((spec.TableClass ?? "STANDARD") != tableClass)
        {
            request["TableClass"] = spec.TableClass ?? "STANDARD";
        }

        if (request.Count > 1)
        {
            Update(engine, spec, "UpdateTable", request);
        }
    }

    private static void UpdateIndex(DynamoEngine engine, TableSpec spec, JsonObject update) =>
        Update(engine, spec, "UpdateTable", new JsonObject
        {
            ["TableName"] = spec.TableName,
            ["AttributeDefinitions"] = spec.AttributeDefinitions.DeepClone(),
            ["GlobalSecondaryIndexUpdates"] = new JsonArray(update),
        });

    private static void Update(DynamoEngine engine, TableSpec spec, string operation, JsonObject request) =>
        EngineCalls.Invoke(engine, operation, request, spec.LogicalId, spec.TableName);

    /// <summary>"customer_id (S, HASH), order_date (S, RANGE)".</summary>
    private static string Keys(JsonArray keySchema, Func<string, string?> type) =>
        string.Join(", ", keySchema.OfType<JsonObject>().Select(k =>
        {
            var name = TemplateValues.Text(k["AttributeName"]) ?? "?";
            return $"{name} ({type(name)}, {TemplateValues.Text(k["KeyType"])})";
        }));

    private static string? Type(JsonArray definitions, string name) =>
        definitions.OfType<JsonObject>().FirstOrDefault(d => TemplateValues.Text(d["AttributeName"]) == name) is { } d ? TemplateValues.Text(d["AttributeType"]) : null;

    private static Dictionary<string, string> Indexes(JsonArray? indexes) =>
        (indexes ?? []).OfType<JsonObject>().ToDictionary(i => TemplateValues.Text(i["IndexName"])!, Describe, StringComparer.Ordinal);

    /// <summary>An index's name, keys and projection as text, to compare.</summary>
    private static string Describe(JsonObject index)
    {
        var projection = index["Projection"];
        var nonKey = (projection?["NonKeyAttributes"] as JsonArray ?? []).Select(a => TemplateValues.Text(a)).Order(StringComparer.Ordinal);
        var keys = string.Join(", ", (index["KeySchema"] as JsonArray ?? []).OfType<JsonObject>().Select(k => $"{TemplateValues.Text(k["AttributeName"])} {TemplateValues.Text(k["KeyType"])}"));
        var type = TemplateValues.Text(projection?["ProjectionType"]) ?? "KEYS_ONLY";
        return $"{TemplateValues.Text(index["IndexName"])}: {keys}, {type}{(nonKey.Any() ? " " + string.Join(" ", nonKey) : "")}";
    }

    private static bool SameThroughput(JsonNode? kept, JsonObject wanted) =>
        kept?["ReadCapacityUnits"]?.ToJsonString() == wanted["ReadCapacityUnits"]?.ToJsonString()
        && kept?["WriteCapacityUnits"]?.ToJsonString() == wanted["WriteCapacityUnits"]?.ToJsonString();
}
