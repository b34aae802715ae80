using System.Text.Json.Nodes;
using Stelvio.Aws.DynamoDB;
using Stelvio.DynamoDB.Local;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Tests.Template;

/// <summary>Materializing on a data directory that already holds the app's tables: items kept, the table brought in line.</summary>
public sealed class DataDirectoryTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("stelvio-materialize-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Reopen_WithAnAddedIndexStreamAndTtl_KeepsTheItems_AndReconcilesTheTable()
    {
        using (var engine = Open())
        {
            TemplateMaterializer.Materialize(Orders(withIndex: false, stream: "keys-only", ttl: null), engine, TestApps.StackName);
            TestApps.Call(engine, "PutItem", new JsonObject
            {
                ["TableName"] = "shop-test-orders",
                ["Item"] = JsonNode.Parse("""{"customer_id":{"S":"c1"},"order_date":{"S":"2026-01-01"},"status":{"S":"paid"}}"""),
            });
        }

        using (var engine = Open())
        {
            var app = TemplateMaterializer.Materialize(Orders(withIndex: true, stream: "new-and-old-images", ttl: "expires_at"), engine, TestApps.StackName);

            var items = TestApps.Call(engine, "Query", new JsonObject
            {
                ["TableName"] = "shop-test-orders",
                ["IndexName"] = "status-index",
                ["KeyConditionExpression"] = "#s = :s",
                ["ExpressionAttributeNames"] = new JsonObject { ["#s"] = "status" },
                ["ExpressionAttributeValues"] = JsonNode.Parse("""{":s":{"S":"paid"}}"""),
            })["Items"]!.AsArray();
            Assert.Equal("c1", (string?)Assert.Single(items)!["customer_id"]!["S"]);
            var described = TestApps.Describe(engine, "shop-test-orders");
            Assert.Equal("NEW_AND_OLD_IMAGES", (string?)described["StreamSpecification"]!["StreamViewType"]);
            Assert.Equal((string?)described["LatestStreamArn"], app.Tables.Single().StreamArn);
            var ttl = TestApps.Call(engine, "DescribeTimeToLive", new JsonObject { ["TableName"] = "shop-test-orders" })["TimeToLiveDescription"]!;
            Assert.Equal("expires_at", (string?)ttl["AttributeName"]);
            Assert.Equal("ENABLED", (string?)ttl["TimeToLiveStatus"]);
        }

        using (var engine = Open())
        {
            TemplateMaterializer.Materialize(Orders(withIndex: false, stream: null, ttl: null), engine, TestApps.StackName);

            var described = TestApps.Describe(engine, "shop-test-orders");
            Assert.Null(described["GlobalSecondaryIndexes"]);
            Assert.Null(described["StreamSpecification"]);
            Assert.Equal("1", described["ItemCount"]!.ToJsonString());
            var ttl = TestApps.Call(engine, "DescribeTimeToLive", new JsonObject { ["TableName"] = "shop-test-orders" })["TimeToLiveDescription"]!;
            Assert.Equal("DISABLED", (string?)ttl["TimeToLiveStatus"]);
        }
    }

    [Fact]
    public void Reopen_WithTheSameTemplate_ChangesNothing()
    {
        string streamArn;
        using (var engine = Open())
        {
            streamArn = TemplateMaterializer.Materialize(Orders(withIndex: true, stream: "new-image", ttl: "expires_at"), engine, TestApps.StackName).Tables.Single().StreamArn!;
        }

        using (var engine = Open())
        {
            var again = TemplateMaterializer.Materialize(Orders(withIndex: true, stream: "new-image", ttl: "expires_at"), engine, TestApps.StackName);

            // The same stream: a mapping's position in it stays valid.
            Assert.Equal(streamArn, again.Tables.Single().StreamArn);
        }
    }

    [Fact]
    public void Reopen_WithAnotherKeySchema_IsAnError_TellingToDeleteTheDataDirectory()
    {
        using (var engine = Open())
        {
            TemplateMaterializer.Materialize(Orders(withIndex: false, stream: null, ttl: null), engine, TestApps.StackName);
        }

        using (var engine = Open())
        {
            var changed = TestApps.Synth(_ => new DynamoTable("orders", new() { Fields = { ["order_id"] = "string" }, PartitionKey = "order_id" }));

            var error = Assert.Throws<LocalTemplateException>(() => TemplateMaterializer.Materialize(changed, engine, TestApps.StackName));

            Assert.Equal("OrdersTable", error.LogicalId);
            Assert.Equal("Properties.KeySchema", error.Property);
            Assert.Equal(
                "OrdersTable: Properties.KeySchema: the data directory holds table 'shop-test-orders' with the key schema customer_id (S, HASH), order_date (S, RANGE), " +
                "but the template declares order_id (S, HASH). A table's keys cannot change while it keeps its items: delete the data directory " +
                "(or the table 'shop-test-orders' in it, with DeleteTable) and start again.",
                error.Message);
        }
    }

    [Fact]
    public void Reopen_WithAnotherLocalIndex_IsAnError()
    {
        using (var engine = Open())
        {
            TemplateMaterializer.Materialize(Orders(withIndex: false, stream: null, ttl: null), engine, TestApps.StackName);
        }

        using (var engine = Open())
        {
            var changed = TestApps.Synth(_ => new DynamoTable("orders", new()
            {
                Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string" },
                PartitionKey = "customer_id",
                SortKey = "order_date",
                LocalIndexes = { ["status-local"] = new LocalIndex("status") },
            }));

            var error = Assert.Throws<LocalTemplateException>(() => TemplateMaterializer.Materialize(changed, engine, TestApps.StackName));

            Assert.Equal("Properties.LocalSecondaryIndexes", error.Property);
            Assert.Contains("the template declares [status-local: customer_id (S, HASH), status (S, RANGE), KEYS_ONLY]", error.Message, StringComparison.Ordinal);
            Assert.Contains("delete the data directory", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reopen_WithAnIndexKeyOfAnotherType_ReplacesTheIndex_AndWithProvisionedBilling_SwitchesTheTable()
    {
        using (var engine = Open())
        {
            TemplateMaterializer.Materialize(Totals("number", BillingMode.PayPerRequest), engine, TestApps.StackName);
        }

        using (var engine = Open())
        {
            TemplateMaterializer.Materialize(Totals("string", BillingMode.Provisioned), engine, TestApps.StackName);

            var described = TestApps.Describe(engine, "shop-test-orders");
            Assert.Contains(described["AttributeDefinitions"]!.AsArray(), d => (string?)d!["AttributeName"] == "total" && (string?)d["AttributeType"] == "S");
            Assert.Equal("total-index", (string?)described["GlobalSecondaryIndexes"]![0]!["IndexName"]);
            Assert.Equal("PROVISIONED", (string?)described["BillingModeSummary"]!["BillingMode"]);
            Assert.Equal(4, (int)described["ProvisionedThroughput"]!["ReadCapacityUnits"]!);
        }
    }

    private static byte[] Totals(string totalType, BillingMode billing) => TestApps.Synth(_ => new DynamoTable("orders", new()
    {
        Fields = { ["customer_id"] = "string", ["total"] = totalType },
        PartitionKey = "customer_id",
        GlobalIndexes = { ["total-index"] = new GlobalIndex("total") },
        Billing = billing,
        ReadCapacity = billing == BillingMode.Provisioned ? 4 : null,
        WriteCapacity = billing == BillingMode.Provisioned ? 4 : null,
    }));

    private DynamoEngine Open() => new(new LocalDynamoOptions { DataDirectory = directory, SyncWrites = false });

    private static byte[] Orders(bool withIndex, string? stream, string? ttl) => TestApps.Synth(_ =>
    {
        var config = new DynamoTableConfig
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            Stream = stream is null ? null : (StreamSetting?)stream,
            TimeToLiveAttribute = ttl,
        };
        if (withIndex)
        {
            config.GlobalIndexes["status-index"] = new GlobalIndex("status") { Projections = "all" };
        }

        new DynamoTable("orders", config);
    });
}
