using Stelvio.Aws.DynamoDB;
using Stelvio.Testing;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Aws.DynamoDB;

/// <summary>
/// Every table example of Python Stelvio's DynamoDB guide, in C#, with the
/// template it must give, property by property.
/// </summary>
public sealed class GuideExamplesTests
{
    private const string TableType = "AWS::DynamoDB::Table";

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

    private static readonly object StelvioTags = Match.Exact(new object[]
    {
        new { Key = "stelvio:app", Value = "shop" },
        new { Key = "stelvio:stage", Value = "test" },
    });

    // "Creating a DynamoDB table": friendly field type strings.
    [Fact]
    public void CreatingATable_WithFriendlyFieldTypes_WritesKeysAndOnlyKeyAttributeDefinitions()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string", ["total"] = "number" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
        }));

        template.ResourceCountIs(TableType, 1);
        template.ResourcePropertiesMatch("OrdersTable", Match.Exact(new
        {
            TableName = "shop-test-orders",
            AttributeDefinitions = OrdersKeyDefinitions,
            KeySchema = OrdersKeySchema,
            BillingMode = "PAY_PER_REQUEST",
            Tags = StelvioTags,
        }));
        var warning = Assert.Single(template.Warnings);
        Assert.Equal("DynamoTable 'orders'", warning.Component);
        Assert.StartsWith("fields 'status', 'total' are not used by any key or index, so not written to AttributeDefinitions", warning.Message, StringComparison.Ordinal);
    }

    // "Creating a DynamoDB table": the FieldType enum gives the same template.
    [Fact]
    public void CreatingATable_WithFieldTypeEnum_GivesTheSameTemplateAsFriendlyStrings()
    {
        var withEnum = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = FieldType.String, ["order_date"] = FieldType.String, ["status"] = FieldType.String, ["total"] = FieldType.Number },
            PartitionKey = "customer_id",
            SortKey = "order_date",
        }));
        var withStrings = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string", ["total"] = "number" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
        }));

        withEnum.ResourcePropertiesMatch("OrdersTable", new { AttributeDefinitions = OrdersKeyDefinitions, KeySchema = OrdersKeySchema });
        Assert.Equal(withStrings.Result!.TemplateBytes, withEnum.Result!.TemplateBytes);
    }

    // "Field Types": every spelling of the table maps to its DynamoDB type.
    [Theory]
    [InlineData("string", "S")]
    [InlineData("number", "N")]
    [InlineData("binary", "B")]
    [InlineData("S", "S")]
    [InlineData("N", "N")]
    [InlineData("B", "B")]
    [InlineData("String", "S")]
    [InlineData("NUMBER", "N")]
    public void FieldTypes_EverySpellingOfTheGuide_MapsToItsAttributeType(string spelling, string attributeType)
    {
        var template = Synth.Template(app => new DynamoTable("things", new()
        {
            Fields = { ["id"] = spelling },
            PartitionKey = "id",
        }));

        template.ResourcePropertiesMatch("ThingsTable", new
        {
            AttributeDefinitions = Match.Exact(new object[] { new { AttributeName = "id", AttributeType = attributeType } }),
            KeySchema = Match.Exact(new object[] { new { AttributeName = "id", KeyType = "HASH" } }),
        });
    }

    [Theory]
    [InlineData(FieldType.String, "S")]
    [InlineData(FieldType.Number, "N")]
    [InlineData(FieldType.Binary, "B")]
    public void FieldTypes_EveryEnumValue_MapsToItsAttributeType(FieldType type, string attributeType)
    {
        var template = Synth.Template(app => new DynamoTable("things", new()
        {
            Fields = { ["id"] = type },
            PartitionKey = "id",
        }));

        template.ResourcePropertiesMatch("ThingsTable", new
        {
            AttributeDefinitions = Match.Exact(new object[] { new { AttributeName = "id", AttributeType = attributeType } }),
        });
    }

    // "Secondary Indexes": typed LocalIndex and GlobalIndex.
    [Fact]
    public void SecondaryIndexes_WithTypedIndexes_WritesBothIndexesKeysOnly()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string", ["total"] = "number" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            LocalIndexes = { ["status-index"] = new LocalIndex("status") },
            GlobalIndexes = { ["status-total-index"] = new GlobalIndex("status", "total") },
        }));

        template.ResourcePropertiesMatch("OrdersTable", Match.Exact(new
        {
            TableName = "shop-test-orders",
            AttributeDefinitions = new object[]
            {
                new { AttributeName = "customer_id", AttributeType = "S" },
                new { AttributeName = "order_date", AttributeType = "S" },
                new { AttributeName = "status", AttributeType = "S" },
                new { AttributeName = "total", AttributeType = "N" },
            },
            KeySchema = OrdersKeySchema,
            BillingMode = "PAY_PER_REQUEST",
            LocalSecondaryIndexes = new object[]
            {
                new
                {
                    IndexName = "status-index",
                    KeySchema = new object[]
                    {
                        new { AttributeName = "customer_id", KeyType = "HASH" },
                        new { AttributeName = "status", KeyType = "RANGE" },
                    },
                    Projection = new { ProjectionType = "KEYS_ONLY" },
                },
            },
            GlobalSecondaryIndexes = new object[]
            {
                new
                {
                    IndexName = "status-total-index",
                    KeySchema = new object[]
                    {
                        new { AttributeName = "status", KeyType = "HASH" },
                        new { AttributeName = "total", KeyType = "RANGE" },
                    },
                    Projection = new { ProjectionType = "KEYS_ONLY" },
                },
            },
            Tags = StelvioTags,
        }));
        Assert.Empty(template.Warnings);
    }

    // "Secondary Indexes": the dictionary syntax.
    [Fact]
    public void SecondaryIndexes_WithDictionarySyntax_WritesIncludeAndAllProjections()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string", ["total"] = "number" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            LocalIndexes =
            {
                ["status-index"] = new Dictionary<string, object?>
                {
                    ["sort_key"] = "status",
                    ["projections"] = new[] { "total" },
                },
            },
            GlobalIndexes =
            {
                ["status-total-index"] = new Dictionary<string, object?>
                {
                    ["partition_key"] = "status",
                    ["sort_key"] = "total",
                    ["projections"] = "all",
                },
            },
        }));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            AttributeDefinitions = Match.Exact(new object[]
            {
                new { AttributeName = "customer_id", AttributeType = "S" },
                new { AttributeName = "order_date", AttributeType = "S" },
                new { AttributeName = "status", AttributeType = "S" },
                new { AttributeName = "total", AttributeType = "N" },
            }),
            KeySchema = OrdersKeySchema,
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
            }),
            GlobalSecondaryIndexes = Match.Exact(new object[]
            {
                new
                {
                    IndexName = "status-total-index",
                    KeySchema = new object[]
                    {
                        new { AttributeName = "status", KeyType = "HASH" },
                        new { AttributeName = "total", KeyType = "RANGE" },
                    },
                    Projection = new { ProjectionType = "ALL" },
                },
            }),
        });
        Assert.Empty(template.Warnings);
    }

    // "Attribute Projections": keys only (default).
    [Fact]
    public void AttributeProjections_Default_IsKeysOnly()
    {
        var template = Synth.Template(app => OrdersWithStatusIndex(new LocalIndex("status")));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            LocalSecondaryIndexes = new object[] { new { IndexName = "status-index", Projection = Match.Exact(new { ProjectionType = "KEYS_ONLY" }) } },
        });
    }

    // "Attribute Projections": all attributes.
    [Fact]
    public void AttributeProjections_All_IsAll()
    {
        var template = Synth.Template(app => OrdersWithStatusIndex(new LocalIndex("status") { Projections = "all" }));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            LocalSecondaryIndexes = new object[] { new { IndexName = "status-index", Projection = Match.Exact(new { ProjectionType = "ALL" }) } },
        });
    }

    // "Attribute Projections": specific attributes; the guide lists the key customer_id, which DynamoDB refuses there.
    [Fact]
    public void AttributeProjections_SpecificAttributesWithAKey_IncludesTheOthersAndWarnsAboutTheKey()
    {
        var template = Synth.Template(app => OrdersWithStatusIndex(new LocalIndex("status") { Projections = new[] { "total", "customer_id" } }));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            LocalSecondaryIndexes = new object[]
            {
                new { IndexName = "status-index", Projection = Match.Exact(new { ProjectionType = "INCLUDE", NonKeyAttributes = new[] { "total" } }) },
            },
        });
        var warning = Assert.Single(template.Warnings);
        Assert.Equal(
            "LocalIndexes[\"status-index\"].Projections: 'customer_id' is a key attribute, always projected; DynamoDB refuses key attributes in NonKeyAttributes, so it was left out of the list.",
            warning.Message);
    }

    // "DynamoDB Streams": the string literal.
    [Fact]
    public void Streams_WithStringLiteral_WritesNewAndOldImages()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            Stream = "new-and-old-images",
        }));

        template.ResourcePropertiesMatch("OrdersTable", Match.Exact(new
        {
            TableName = "shop-test-orders",
            AttributeDefinitions = OrdersKeyDefinitions,
            KeySchema = OrdersKeySchema,
            BillingMode = "PAY_PER_REQUEST",
            StreamSpecification = new { StreamViewType = "NEW_AND_OLD_IMAGES" },
            Tags = StelvioTags,
        }));
        Assert.Empty(template.Warnings);
    }

    // "DynamoDB Streams": the StreamView enum gives the same template.
    [Fact]
    public void Streams_WithStreamViewEnum_GivesTheSameTemplateAsTheString()
    {
        var withEnum = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            Stream = StreamView.NewAndOldImages,
        }));
        var withString = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            Stream = "new-and-old-images",
        }));

        withEnum.ResourcePropertiesMatch("OrdersTable", new { StreamSpecification = Match.Exact(new { StreamViewType = "NEW_AND_OLD_IMAGES" }) });
        Assert.Equal(withString.Result!.TemplateBytes, withEnum.Result!.TemplateBytes);
    }

    // "Stream View Types": each string literal of the table.
    [Theory]
    [InlineData("keys-only", "KEYS_ONLY")]
    [InlineData("new-image", "NEW_IMAGE")]
    [InlineData("old-image", "OLD_IMAGE")]
    [InlineData("new-and-old-images", "NEW_AND_OLD_IMAGES")]
    [InlineData("NEW_AND_OLD_IMAGES", "NEW_AND_OLD_IMAGES")]
    [InlineData("Keys-Only", "KEYS_ONLY")]
    public void StreamViewTypes_EachStringLiteral_WritesItsViewType(string literal, string viewType)
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            Stream = literal,
        }));

        template.ResourcePropertiesMatch("OrdersTable", new { StreamSpecification = Match.Exact(new { StreamViewType = viewType }) });
    }

    [Theory]
    [InlineData(StreamView.KeysOnly, "KEYS_ONLY")]
    [InlineData(StreamView.NewImage, "NEW_IMAGE")]
    [InlineData(StreamView.OldImage, "OLD_IMAGE")]
    [InlineData(StreamView.NewAndOldImages, "NEW_AND_OLD_IMAGES")]
    public void StreamViewTypes_EachEnumValue_WritesItsViewType(StreamView view, string viewType)
    {
        DynamoTable? table = null;
        var template = Synth.Template(app => table = new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            Stream = view,
        }));

        template.ResourcePropertiesMatch("OrdersTable", new { StreamSpecification = Match.Exact(new { StreamViewType = viewType }) });
        Assert.Equal(view, table!.Stream);
    }

    // "Accessing Stream Properties": stream_arn is a deferred Fn::GetAtt, or null without a stream.
    [Fact]
    public void AccessingStreamProperties_StreamArn_IsGetAttOfStreamArnOrNullWithoutStream()
    {
        DynamoTable? streamed = null;
        DynamoTable? plain = null;
        var template = Synth.Template(app =>
        {
            streamed = new DynamoTable("orders", new()
            {
                Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
                PartitionKey = "customer_id",
                SortKey = "order_date",
                Stream = "new-and-old-images",
            });
            plain = new DynamoTable("users", new() { Fields = { ["user_id"] = "string" }, PartitionKey = "user_id" });
        });

        Assert.Equal("""{"Fn::GetAtt":["OrdersTable","StreamArn"]}""", streamed!.StreamArn!.ToCloudFormation().ToJsonString());
        Assert.Null(plain!.StreamArn);
        Assert.Null(plain.Stream);
        template.ResourcePropertiesMatch("UsersTable", new { StreamSpecification = Match.Absent() });
    }

    // "Stream Subscriptions" / "Lambda Configuration": the table those examples subscribe to.
    [Fact]
    public void StreamSubscriptions_TheSubscribedTable_HasTheStreamAndOnlyKeyAttributes()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            Stream = "new-and-old-images",
        }));

        template.ResourceCountIs(TableType, 1);
        template.HasResource(TableType, new
        {
            DeletionPolicy = "Delete",
            UpdateReplacePolicy = "Delete",
            Properties = new
            {
                AttributeDefinitions = OrdersKeyDefinitions,
                KeySchema = OrdersKeySchema,
                StreamSpecification = new { StreamViewType = "NEW_AND_OLD_IMAGES" },
            },
        });
    }

    // "Linking to Lambda Functions": the users table; 'name' is no key, so it is not defined.
    [Fact]
    public void LinkingToLambdaFunctions_TheUsersTable_DefinesOnlyThePartitionKeyAndWarnsAboutName()
    {
        var template = Synth.Template(app => new DynamoTable("users", new()
        {
            Fields = { ["user_id"] = "string", ["name"] = "string" },
            PartitionKey = "user_id",
        }));

        template.ResourcePropertiesMatch("UsersTable", Match.Exact(new
        {
            TableName = "shop-test-users",
            AttributeDefinitions = new object[] { new { AttributeName = "user_id", AttributeType = "S" } },
            KeySchema = new object[] { new { AttributeName = "user_id", KeyType = "HASH" } },
            BillingMode = "PAY_PER_REQUEST",
            Tags = StelvioTags,
        }));
        var warning = Assert.Single(template.Warnings);
        Assert.StartsWith("field 'name' is not used by any key or index", warning.Message, StringComparison.Ordinal);
    }

    private static DynamoTable OrdersWithStatusIndex(LocalIndex index) => new("orders", new()
    {
        Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string", ["total"] = "number" },
        PartitionKey = "customer_id",
        SortKey = "order_date",
        LocalIndexes = { ["status-index"] = index },
    });
}
