using System.Text.Json.Nodes;

namespace Stelvio.CloudFormation.Resources;

/// <summary>A key of a key schema: attribute name and <c>HASH</c> or <c>RANGE</c>.</summary>
internal sealed record CfnKey(string AttributeName, string KeyType);

/// <summary>An index of <c>AWS::DynamoDB::Table</c>.</summary>
internal sealed record CfnTableIndex(
    string IndexName,
    IReadOnlyList<CfnKey> KeySchema,
    string ProjectionType,
    IReadOnlyList<string> NonKeyAttributes,
    int? ReadCapacity = null,
    int? WriteCapacity = null);

/// <summary>The properties of <c>AWS::DynamoDB::Table</c> that Stelvio writes, in template order.</summary>
internal sealed record CfnTable
{
    public const string Type = "AWS::DynamoDB::Table";

    public required string TableName { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> AttributeDefinitions { get; init; }

    public required IReadOnlyList<CfnKey> KeySchema { get; init; }

    public required string BillingMode { get; init; }

    public int? ReadCapacity { get; init; }

    public int? WriteCapacity { get; init; }

    public IReadOnlyList<CfnTableIndex> LocalSecondaryIndexes { get; init; } = [];

    public IReadOnlyList<CfnTableIndex> GlobalSecondaryIndexes { get; init; } = [];

    public string? StreamViewType { get; init; }

    public string? TimeToLiveAttribute { get; init; }

    public bool PointInTimeRecovery { get; init; }

    public bool DeletionProtection { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    public JsonObject Render()
    {
        var properties = new JsonObject
        {
            ["TableName"] = TableName,
            ["AttributeDefinitions"] = new JsonArray([.. AttributeDefinitions.Select(a => (JsonNode)new JsonObject { ["AttributeName"] = a.Key, ["AttributeType"] = a.Value })]),
            ["KeySchema"] = Keys(KeySchema),
            ["BillingMode"] = BillingMode,
        };
        if (ReadCapacity is not null)
        {
            properties["ProvisionedThroughput"] = Throughput(ReadCapacity.Value, WriteCapacity!.Value);
        }

        if (LocalSecondaryIndexes.Count > 0)
        {
            properties["LocalSecondaryIndexes"] = new JsonArray([.. LocalSecondaryIndexes.Select(i => (JsonNode)Index(i))]);
        }

        if (GlobalSecondaryIndexes.Count > 0)
        {
            properties["GlobalSecondaryIndexes"] = new JsonArray([.. GlobalSecondaryIndexes.Select(i => (JsonNode)Index(i))]);
        }

        if (StreamViewType is not null)
        {
            properties["StreamSpecification"] = new JsonObject { ["StreamViewType"] = StreamViewType };
        }

        if (TimeToLiveAttribute is not null)
        {
            properties["TimeToLiveSpecification"] = new JsonObject { ["AttributeName"] = TimeToLiveAttribute, ["Enabled"] = true };
        }

        if (PointInTimeRecovery)
        {
            properties["PointInTimeRecoverySpecification"] = new JsonObject { ["PointInTimeRecoveryEnabled"] = true };
        }

        if (DeletionProtection)
        {
            properties["DeletionProtectionEnabled"] = true;
        }

        if (Tags.Count > 0)
        {
            properties["Tags"] = CfnTags.List(Tags);
        }

        return properties;
    }

    private static JsonArray Keys(IReadOnlyList<CfnKey> keys) =>
        new([.. keys.Select(k => (JsonNode)new JsonObject { ["AttributeName"] = k.AttributeName, ["KeyType"] = k.KeyType })]);

    private static JsonObject Throughput(int read, int write) =>
        new() { ["ReadCapacityUnits"] = read, ["WriteCapacityUnits"] = write };

    private static JsonObject Index(CfnTableIndex index)
    {
        var projection = new JsonObject { ["ProjectionType"] = index.ProjectionType };
        if (index.NonKeyAttributes.Count > 0)
        {
            projection["NonKeyAttributes"] = new JsonArray([.. index.NonKeyAttributes.Select(a => (JsonNode)JsonValue.Create(a))]);
        }

        var result = new JsonObject
        {
            ["IndexName"] = index.IndexName,
            ["KeySchema"] = Keys(index.KeySchema),
            ["Projection"] = projection,
        };
        if (index.ReadCapacity is not null)
        {
            result["ProvisionedThroughput"] = Throughput(index.ReadCapacity.Value, index.WriteCapacity!.Value);
        }

        return result;
    }
}
