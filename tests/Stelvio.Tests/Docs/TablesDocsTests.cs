using Stelvio.Aws.DynamoDB;
using Stelvio.Testing;
using Stelvio.Tests.Docs.Snippets;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Docs;

/// <summary>
/// The snippets of docs/dynamodb.md on creating tables, field types, other table settings, and the
/// key-attribute warnings of the "differs from the original" section; each on its synthesized template.
/// </summary>
public sealed class TablesDocsTests
{
    private static readonly object OrdersKeySchema = Match.Exact(new object[]
    {
        new { AttributeName = "customer_id", KeyType = "HASH" },
        new { AttributeName = "order_date", KeyType = "RANGE" },
    });

    private static readonly object OrdersKeyDefinitions = Match.Exact(new object[]
    {
        new { AttributeName = "customer_id", AttributeType = "S" },
        new { AttributeName = "order_date", AttributeType = "S" },
    });

    [Fact]
    public void FriendlyFieldTypes_DefineTheKeysAndWarnAboutTheOtherFields()
    {
        var template = FriendlyFieldTypes();

        template.ResourceCountIs("AWS::DynamoDB::Table", 1);
        template.ResourcePropertiesMatch("OrdersTable", new
        {
            TableName = "shop-test-orders",
            AttributeDefinitions = OrdersKeyDefinitions,
            KeySchema = OrdersKeySchema,
            BillingMode = "PAY_PER_REQUEST",
        });
        var warning = Assert.Single(template.Warnings);
        Assert.Equal("DynamoTable 'orders'", warning.Component);
        Assert.StartsWith("fields 'status', 'total' are not used by any key or index", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldTypeEnum_GivesTheSameTemplateAsFriendlyStrings()
    {
        var withEnum = Synth.Template(app =>
        {
            // snippet: table-field-type-enum
            var orders = new DynamoTable("orders", new()
            {
                Fields =
                {
                    ["customer_id"] = FieldType.String,
                    ["order_date"] = FieldType.String,
                    ["status"] = FieldType.String,
                    ["total"] = FieldType.Number,
                },
                PartitionKey = "customer_id",
                SortKey = "order_date",
            });
            // end snippet
        });

        withEnum.ResourcePropertiesMatch("OrdersTable", new { AttributeDefinitions = OrdersKeyDefinitions, KeySchema = OrdersKeySchema });
        Assert.Equal(FriendlyFieldTypes().Result!.TemplateBytes, withEnum.Result!.TemplateBytes);
    }

    [Fact]
    public void MisspeltFieldType_IsRefusedListingTheSpellings()
    {
        Assert.Equal(
            "DynamoTable 'orders': Fields[\"customer_id\"]: 'text' is not a field type. Use \"string\", \"number\", \"binary\", \"S\", \"N\", \"B\" or FieldType.String/Number/Binary.",
            MisspeltFieldTypeError());
    }

    [Fact]
    public void OtherTableSettings_AreWrittenToTheTable()
    {
        var template = Synth.Template(app =>
        {
            // snippet: table-settings
            var sessions = new DynamoTable("sessions", new()
            {
                Fields = { ["session_id"] = "string", ["expires_at"] = "number" },
                PartitionKey = "session_id",
                Billing = BillingMode.Provisioned,
                ReadCapacity = 5,
                WriteCapacity = 2,
                TimeToLiveAttribute = "expires_at",
                PointInTimeRecovery = true,
                DeletionProtection = true,
                RemovalPolicy = RemovalPolicy.Retain,
                Tags = { ["team"] = "checkout" },
                PropertyOverrides = { ["TableClass"] = "STANDARD_INFREQUENT_ACCESS" },
            });
            // end snippet
        });

        template.HasResource("AWS::DynamoDB::Table", new
        {
            DeletionPolicy = "Retain",
            UpdateReplacePolicy = "Retain",
            Properties = Match.Exact(new
            {
                TableName = "shop-test-sessions",
                AttributeDefinitions = new[] { new { AttributeName = "session_id", AttributeType = "S" } },
                KeySchema = new[] { new { AttributeName = "session_id", KeyType = "HASH" } },
                BillingMode = "PROVISIONED",
                ProvisionedThroughput = new { ReadCapacityUnits = 5, WriteCapacityUnits = 2 },
                TimeToLiveSpecification = new { AttributeName = "expires_at", Enabled = true },
                PointInTimeRecoverySpecification = new { PointInTimeRecoveryEnabled = true },
                DeletionProtectionEnabled = true,
                Tags = new[]
                {
                    new { Key = "stelvio:app", Value = "shop" },
                    new { Key = "stelvio:stage", Value = "test" },
                    new { Key = "team", Value = "checkout" },
                },
                TableClass = "STANDARD_INFREQUENT_ACCESS",
            }),
        });
        Assert.Empty(template.Warnings);
    }

    [Fact]
    public void RemovalPolicy_DefaultsToRetainOnProtectedStagesOnly()
    {
        static DynamoTable Declare() => new("orders", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });

        Synth.Template(app => Declare(), stage: "prod").HasResource("AWS::DynamoDB::Table", new { DeletionPolicy = "Retain", UpdateReplacePolicy = "Retain" });
        Synth.Template(app => Declare(), stage: "dev").HasResource("AWS::DynamoDB::Table", new { DeletionPolicy = "Delete", UpdateReplacePolicy = "Delete" });
    }

    [Fact]
    public void KeyAttributesInProjections_AreDroppedWithAWarning_AndAnEmptyIncludeBecomesKeysOnly()
    {
        var template = KeyAttributesInProjections();

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            LocalSecondaryIndexes = Match.Exact(new object[]
            {
                new
                {
                    IndexName = "status-index",
                    KeySchema = new object[]
                    {
                        new { AttributeName = "customer_id", KeyType = "HASH" },
                        new { AttributeName = "status", KeyType = "RANGE" },
                    },
                    Projection = new { ProjectionType = "INCLUDE", NonKeyAttributes = new[] { "total" } },
                },
                new
                {
                    IndexName = "total-index",
                    KeySchema = new object[]
                    {
                        new { AttributeName = "customer_id", KeyType = "HASH" },
                        new { AttributeName = "total", KeyType = "RANGE" },
                    },
                    Projection = new { ProjectionType = "KEYS_ONLY" },
                },
            }),
        });
        Assert.Equal(2, template.Warnings.Count);
        Assert.Contains("DynamoDB refuses key attributes in NonKeyAttributes", template.Warnings[0].Message, StringComparison.Ordinal);
        Assert.EndsWith("and the index projects keys only (KEYS_ONLY).", template.Warnings[1].Message, StringComparison.Ordinal);
    }

    internal static Template FriendlyFieldTypes() => Synth.Template(app =>
    {
        // snippet: table-friendly-types
        var orders = new DynamoTable("orders", new()
        {
            Fields =
            {
                ["customer_id"] = "string",
                ["order_date"] = "string",
                ["status"] = "string",
                ["total"] = "number",
            },
            PartitionKey = "customer_id",
            SortKey = "order_date",
        });
        // end snippet
    });

    internal static string MisspeltFieldTypeError() => Synth.Error(app =>
    {
        // snippet: table-field-type-typo
        var orders = new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "text" },
            PartitionKey = "customer_id",
        });
        // end snippet
    }).Message;

    internal static Template KeyAttributesInProjections() => Synth.Template(app =>
    {
        // snippet: projection-key-attributes
        var orders = new DynamoTable("orders", new()
        {
            Fields =
            {
                ["customer_id"] = "string",
                ["order_date"] = "string",
                ["status"] = "string",
                ["total"] = "number",
            },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            LocalIndexes =
            {
                // Python Stelvio's example list: customer_id is the table's partition key.
                ["status-index"] = new LocalIndex("status") { Projections = new[] { "total", "customer_id" } },
                // Only keys listed.
                ["total-index"] = new LocalIndex("total") { Projections = new[] { "order_date" } },
            },
        });
        // end snippet
    });
}
