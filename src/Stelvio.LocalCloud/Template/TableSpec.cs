using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Template;

/// <summary>
/// An <c>AWS::DynamoDB::Table</c>'s resolved properties as the engine's API takes them (CloudFormation's shapes
/// are the API's, but for <c>StreamSpecification</c>, TTL and point-in-time recovery, which are separate calls).
/// </summary>
internal sealed record TableSpec(
    string LogicalId,
    string TableName,
    JsonArray AttributeDefinitions,
    JsonArray KeySchema,
    JsonArray? LocalSecondaryIndexes,
    JsonArray? GlobalSecondaryIndexes,
    string BillingMode,
    JsonObject? ProvisionedThroughput,
    string? StreamViewType,
    string? TimeToLiveAttribute,
    bool PointInTimeRecovery,
    int? RecoveryPeriodInDays,
    bool DeletionProtection,
    string? TableClass,
    JsonArray? Tags)
{
    /// <summary>The properties the engine runs; every other one is listed as not run locally.</summary>
    private static readonly HashSet<string> Honoured = new(StringComparer.Ordinal)
    {
        "TableName", "AttributeDefinitions", "KeySchema", "LocalSecondaryIndexes", "GlobalSecondaryIndexes", "BillingMode",
        "ProvisionedThroughput", "StreamSpecification", "TimeToLiveSpecification", "PointInTimeRecoverySpecification",
        "DeletionProtectionEnabled", "TableClass", "Tags",
    };

    /// <summary>What each property the engine does not run means for a user, shown at start-up.</summary>
    private static readonly Dictionary<string, string> Why = new(StringComparer.Ordinal)
    {
        ["SSESpecification"] = "the local data directory is not encrypted with a KMS key",
        ["KinesisStreamSpecification"] = "changes are not sent to a Kinesis data stream",
        ["ContributorInsightsSpecification"] = "no CloudWatch Contributor Insights locally",
        ["ImportSourceSpecification"] = "the table starts empty: nothing is imported from S3",
        ["ResourcePolicy"] = "the table's resource-based policy is not evaluated locally; functions' own policies are",
        ["OnDemandThroughput"] = "request rates are not limited locally",
        ["WarmThroughput"] = "request rates are not limited locally",
    };

    /// <summary>Reads the resolved properties; notes what is not run locally.</summary>
    public static TableSpec Read(string logicalId, string tableName, JsonObject properties, NotRunLocally notes)
    {
        foreach (var (name, _) in properties)
        {
            if (!Honoured.Contains(name))
            {
                notes.Property(logicalId, name, Why.GetValueOrDefault(name));
            }
        }

        var keySchema = properties["KeySchema"] as JsonArray
            ?? throw new LocalTemplateException(logicalId, "Properties.KeySchema", "is required: the table's partition key (HASH) and optional sort key (RANGE).");
        var definitions = properties["AttributeDefinitions"] as JsonArray
            ?? throw new LocalTemplateException(logicalId, "Properties.AttributeDefinitions", "is required: the type (S, N or B) of every key attribute of the table and its indexes.");
        var billing = TemplateValues.Text(properties["BillingMode"]) ?? "PROVISIONED";
        var stream = properties["StreamSpecification"] as JsonObject;
        if (stream is not null)
        {
            foreach (var (name, _) in stream)
            {
                if (name != "StreamViewType")
                {
                    notes.Property(logicalId, "StreamSpecification." + name, name == "ResourcePolicy" ? "the stream's resource-based policy is not evaluated locally" : null);
                }
            }
        }

        var ttl = properties["TimeToLiveSpecification"] as JsonObject;
        var ttlEnabled = TemplateValues.Bool(ttl?["Enabled"], logicalId, "TimeToLiveSpecification.Enabled") ?? false;
        var ttlAttribute = TemplateValues.Text(ttl?["AttributeName"]);
        if (ttlEnabled && ttlAttribute is null)
        {
            throw new LocalTemplateException(logicalId, "Properties.TimeToLiveSpecification.AttributeName", "is required when TTL is enabled: the attribute holding each item's expiry time (epoch seconds).");
        }

        var recovery = properties["PointInTimeRecoverySpecification"];
        return new TableSpec(
            logicalId,
            tableName,
            (JsonArray)definitions.DeepClone(),
            (JsonArray)keySchema.DeepClone(),
            Indexes(properties["LocalSecondaryIndexes"], logicalId, "LocalSecondaryIndexes", notes),
            Indexes(properties["GlobalSecondaryIndexes"], logicalId, "GlobalSecondaryIndexes", notes),
            billing,
            properties["ProvisionedThroughput"]?.DeepClone() as JsonObject,
            stream is null ? null : TemplateValues.Text(stream["StreamViewType"])
                ?? throw new LocalTemplateException(logicalId, "Properties.StreamSpecification.StreamViewType", "is required: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES."),
            ttlEnabled ? ttlAttribute : null,
            TemplateValues.Bool(recovery?["PointInTimeRecoveryEnabled"], logicalId, "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled") ?? false,
            TemplateValues.Number(recovery?["RecoveryPeriodInDays"], logicalId, "PointInTimeRecoverySpecification.RecoveryPeriodInDays"),
            TemplateValues.Bool(properties["DeletionProtectionEnabled"], logicalId, "DeletionProtectionEnabled") ?? false,
            TemplateValues.Text(properties["TableClass"]),
            properties["Tags"]?.DeepClone() as JsonArray);
    }

    /// <summary>The CreateTable request.</summary>
    public JsonObject CreateRequest()
    {
        var request = new JsonObject
        {
            ["TableName"] = TableName,
            ["AttributeDefinitions"] = AttributeDefinitions.DeepClone(),
            ["KeySchema"] = KeySchema.DeepClone(),
            ["BillingMode"] = BillingMode,
        };
        if (LocalSecondaryIndexes is not null)
        {
            request["LocalSecondaryIndexes"] = LocalSecondaryIndexes.DeepClone();
        }

        if (GlobalSecondaryIndexes is not null)
        {
            request["GlobalSecondaryIndexes"] = GlobalSecondaryIndexes.DeepClone();
        }

        if (ProvisionedThroughput is not null)
        {
            request["ProvisionedThroughput"] = ProvisionedThroughput.DeepClone();
        }

        if (StreamViewType is not null)
        {
            request["StreamSpecification"] = new JsonObject { ["StreamEnabled"] = true, ["StreamViewType"] = StreamViewType };
        }

        if (TableClass is not null)
        {
            request["TableClass"] = TableClass;
        }

        if (DeletionProtection)
        {
            request["DeletionProtectionEnabled"] = true;
        }

        if (Tags is { Count: > 0 })
        {
            request["Tags"] = Tags.DeepClone();
        }

        return request;
    }

    /// <summary>The type (S, N, B) the template gives an attribute.</summary>
    public string? AttributeType(string attributeName) =>
        AttributeDefinitions.OfType<JsonObject>().FirstOrDefault(d => TemplateValues.Text(d["AttributeName"]) == attributeName) is { } definition
            ? TemplateValues.Text(definition["AttributeType"])
            : null;

    /// <summary>Indexes as the API takes them: name, key schema, projection, throughput; other index settings are noted.</summary>
    private static JsonArray? Indexes(JsonNode? node, string logicalId, string property, NotRunLocally notes)
    {
        if (node is not JsonArray indexes)
        {
            return null;
        }

        var result = new JsonArray();
        foreach (var index in indexes.OfType<JsonObject>())
        {
            var copy = new JsonObject();
            foreach (var (name, value) in index)
            {
                if (name is "IndexName" or "KeySchema" or "Projection" or "ProvisionedThroughput")
                {
                    copy[name] = value?.DeepClone();
                }
                else
                {
                    notes.Property(logicalId, $"{property}[{TemplateValues.Text(index["IndexName"])}].{name}", Why.GetValueOrDefault(name));
                }
            }

            result.Add(copy);
        }

        return result;
    }
}
