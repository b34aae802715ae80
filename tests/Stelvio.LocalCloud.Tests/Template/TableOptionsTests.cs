using System.Text.Json.Nodes;
using Stelvio.Aws.DynamoDB;
using Stelvio.DynamoDB.Local;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Tests.Template;

/// <summary>Every table setting of docs/dynamodb.md, materialized and read back from the engine.</summary>
public sealed class TableOptionsTests : IDisposable
{
    private readonly DynamoEngine engine = new();

    public void Dispose() => engine.Dispose();

    [Fact]
    public void ProvisionedTable_WithTtlRecoveryProtectionClassAndTags_IsCreatedAsDeclared()
    {
        var app = TemplateMaterializer.Materialize(TestApps.Synth(_ => new DynamoTable("sessions", new()
        {
            Fields = { ["session_id"] = "string", ["user_id"] = "string", ["expires_at"] = "number" },
            PartitionKey = "session_id",
            GlobalIndexes = { ["user-index"] = new GlobalIndex("user_id") { Projections = new[] { "expires_at" }, ReadCapacity = 3, WriteCapacity = 1 } },
            Billing = BillingMode.Provisioned,
            ReadCapacity = 5,
            WriteCapacity = 2,
            TimeToLiveAttribute = "expires_at",
            PointInTimeRecovery = true,
            DeletionProtection = true,
            Tags = { ["team"] = "checkout" },
            PropertyOverrides = { ["TableClass"] = "STANDARD_INFREQUENT_ACCESS" },
        })), engine, TestApps.StackName);

        var table = Assert.Single(app.Tables);
        Assert.Equal("shop-test-sessions", table.TableName);
        Assert.Null(table.StreamArn);
        var described = TestApps.Describe(engine, table.TableName);
        Assert.Equal(5, (int)described["ProvisionedThroughput"]!["ReadCapacityUnits"]!);
        Assert.Equal(2, (int)described["ProvisionedThroughput"]!["WriteCapacityUnits"]!);
        Assert.Null(described["BillingModeSummary"]);
        var gsi = described["GlobalSecondaryIndexes"]![0]!;
        Assert.Equal("user-index", (string?)gsi["IndexName"]);
        Assert.Equal("INCLUDE", (string?)gsi["Projection"]!["ProjectionType"]);
        Assert.Equal("""["expires_at"]""", gsi["Projection"]!["NonKeyAttributes"]!.ToJsonString());
        Assert.Equal(3, (int)gsi["ProvisionedThroughput"]!["ReadCapacityUnits"]!);
        Assert.Equal(1, (int)gsi["ProvisionedThroughput"]!["WriteCapacityUnits"]!);
        Assert.True((bool)described["DeletionProtectionEnabled"]!);
        Assert.Equal("STANDARD_INFREQUENT_ACCESS", (string?)described["TableClassSummary"]!["TableClass"]);

        var ttl = TestApps.Call(engine, "DescribeTimeToLive", new JsonObject { ["TableName"] = table.TableName })["TimeToLiveDescription"]!;
        Assert.Equal("ENABLED", (string?)ttl["TimeToLiveStatus"]);
        Assert.Equal("expires_at", (string?)ttl["AttributeName"]);
        var backups = TestApps.Call(engine, "DescribeContinuousBackups", new JsonObject { ["TableName"] = table.TableName });
        Assert.Equal("ENABLED", (string?)backups["ContinuousBackupsDescription"]!["PointInTimeRecoveryDescription"]!["PointInTimeRecoveryStatus"]);
        var tags = TestApps.Call(engine, "ListTagsOfResource", new JsonObject { ["ResourceArn"] = table.Arn })["Tags"]!.AsArray();
        Assert.Contains(tags, t => (string?)t!["Key"] == "team" && (string?)t["Value"] == "checkout");
        Assert.Empty(app.NotRunLocally);
    }

    [Theory]
    [InlineData("keys-only", "KEYS_ONLY")]
    [InlineData("new-image", "NEW_IMAGE")]
    [InlineData("old-image", "OLD_IMAGE")]
    public void Stream_HasTheDeclaredViewType_AndTheEnginesStreamArn(string view, string viewType)
    {
        var app = TemplateMaterializer.Materialize(TestApps.Synth(_ => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            Stream = view,
        })), engine, TestApps.StackName);

        var described = TestApps.Describe(engine, "shop-test-orders");
        Assert.Equal(viewType, (string?)described["StreamSpecification"]!["StreamViewType"]);
        Assert.Equal((string?)described["LatestStreamArn"], app.Tables.Single().StreamArn);
        Assert.Matches(@"^arn:aws:dynamodb:us-east-1:000000000000:table/shop-test-orders/stream/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$", app.Tables.Single().StreamArn);
    }

    [Fact]
    public void PropertiesTheEngineDoesNotRun_AreListedOnceEach_InWordsForTheUser()
    {
        var app = TemplateMaterializer.Materialize(TestApps.Synth(_ =>
        {
            new DynamoTable("orders", new()
            {
                Fields = { ["customer_id"] = "string", ["status"] = "string" },
                PartitionKey = "customer_id",
                GlobalIndexes = { ["status-index"] = new GlobalIndex("status") },
                PropertyOverrides =
                {
                    ["SSESpecification.SSEEnabled"] = true,
                    ["ContributorInsightsSpecification.Enabled"] = true,
                    ["KinesisStreamSpecification.StreamArn"] = "arn:aws:kinesis:us-east-1:000000000000:stream/orders",
                    ["GlobalSecondaryIndexes.0.ContributorInsightsSpecification.Enabled"] = true,
                },
            });
            new DynamoTable("users", new()
            {
                Fields = { ["user_id"] = "string" },
                PartitionKey = "user_id",
                PropertyOverrides = { ["SSESpecification.SSEEnabled"] = true },
            });
        }), engine, TestApps.StackName);

        Assert.Equal(
            [
                "OrdersTable: SSESpecification is accepted but not run locally (the local data directory is not encrypted with a KMS key).",
                "OrdersTable: ContributorInsightsSpecification is accepted but not run locally (no CloudWatch Contributor Insights locally).",
                "OrdersTable: KinesisStreamSpecification is accepted but not run locally (changes are not sent to a Kinesis data stream).",
                "OrdersTable: GlobalSecondaryIndexes[status-index].ContributorInsightsSpecification is accepted but not run locally (no CloudWatch Contributor Insights locally).",
                "UsersTable: SSESpecification is accepted but not run locally (the local data directory is not encrypted with a KMS key).",
            ],
            app.NotRunLocally);
        Assert.Equal(2, app.Tables.Count);
    }

    [Fact]
    public void TableWithoutTableName_GetsTheNameCloudFormationWouldGenerate_TheSameEachTime()
    {
        var template = TestApps.Template(new JsonObject
        {
            ["Audit"] = new JsonObject
            {
                ["Type"] = "AWS::DynamoDB::Table",
                ["Properties"] = new JsonObject
                {
                    ["AttributeDefinitions"] = JsonNode.Parse("""[{"AttributeName":"id","AttributeType":"S"}]"""),
                    ["KeySchema"] = JsonNode.Parse("""[{"AttributeName":"id","KeyType":"HASH"}]"""),
                    ["BillingMode"] = "PAY_PER_REQUEST",
                },
            },
        });

        var first = TemplateMaterializer.Materialize(template, engine, "audit-dev").Tables.Single();
        using var other = new DynamoEngine();
        var second = TemplateMaterializer.Materialize(template, other, "audit-dev").Tables.Single();

        Assert.Matches("^audit-dev-Audit-[A-Z0-9]{12}$", first.TableName);
        Assert.Equal(first.TableName, second.TableName);
        Assert.NotNull(TestApps.Describe(engine, first.TableName));
    }

    [Fact]
    public void TableTheEngineRefuses_IsAnErrorNamingTheTable()
    {
        var template = TestApps.Template(new JsonObject
        {
            ["Audit"] = new JsonObject
            {
                ["Type"] = "AWS::DynamoDB::Table",
                ["Properties"] = new JsonObject
                {
                    ["TableName"] = "audit",
                    ["AttributeDefinitions"] = JsonNode.Parse("""[{"AttributeName":"id","AttributeType":"S"}]"""),
                    ["KeySchema"] = JsonNode.Parse("""[{"AttributeName":"id","KeyType":"HASH"}]"""),
                },
            },
        });

        var error = Assert.Throws<LocalTemplateException>(() => TemplateMaterializer.Materialize(template, engine, "audit-dev"));

        Assert.Equal("Audit", error.LogicalId);
        Assert.Equal(
            "Audit: Properties: the local DynamoDB engine refused CreateTable for table 'audit': ValidationException: One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED",
            error.Message);
    }

    [Fact]
    public void TableWithoutKeySchema_IsAnErrorNamingTheProperty()
    {
        var template = TestApps.Template(new JsonObject
        {
            ["Audit"] = new JsonObject { ["Type"] = "AWS::DynamoDB::Table", ["Properties"] = new JsonObject { ["TableName"] = "audit" } },
        });

        var error = Assert.Throws<LocalTemplateException>(() => TemplateMaterializer.Materialize(template, engine, "audit-dev"));

        Assert.Equal("Audit: Properties.KeySchema: is required: the table's partition key (HASH) and optional sort key (RANGE).", error.Message);
    }
}
