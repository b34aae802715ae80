using Stelvio.Aws.DynamoDB;
using Stelvio.Testing;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Docs;

/// <summary>The snippets of docs/dynamodb.md on secondary indexes and projections, each on its synthesized template.</summary>
public sealed class IndexesDocsTests
{
    private static readonly object AllKeyDefinitions = Match.Exact(new object[]
    {
        new { AttributeName = "customer_id", AttributeType = "S" },
        new { AttributeName = "order_date", AttributeType = "S" },
        new { AttributeName = "status", AttributeType = "S" },
        new { AttributeName = "total", AttributeType = "N" },
    });

    [Fact]
    public void TypedIndexes_WriteALocalAndAGlobalIndexKeysOnly()
    {
        var template = Synth.Template(app =>
        {
            // snippet: indexes-typed
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
                    ["status-index"] = new LocalIndex(sortKey: "status"),
                },
                GlobalIndexes =
                {
                    ["status-total-index"] = new GlobalIndex(partitionKey: "status", sortKey: "total"),
                },
            });
            // end snippet
        });

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            AttributeDefinitions = AllKeyDefinitions,
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
                    Projection = new { ProjectionType = "KEYS_ONLY" },
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
                    Projection = new { ProjectionType = "KEYS_ONLY" },
                },
            }),
        });
        Assert.Empty(template.Warnings);
    }

    [Fact]
    public void DictionaryIndexes_WriteTheirProjections()
    {
        var template = Synth.Template(app =>
        {
            // snippet: indexes-dictionary
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
            });
            // end snippet
        });

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            AttributeDefinitions = AllKeyDefinitions,
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

    [Fact]
    public void Projections_KeysOnlyAllAndLists_AreWrittenAsSuch()
    {
        var template = Synth.Template(app =>
        {
            // snippet: projections
            // Keys only (the default)
            var keysOnly = new LocalIndex("status");

            // All attributes
            var all = new LocalIndex("status") { Projections = "all" };

            // Specific attributes: a list, or Projection.Include
            var some = new LocalIndex("status") { Projections = new[] { "total", "currency" } };
            var same = new LocalIndex("status") { Projections = Projection.Include("total", "currency") };
            // end snippet

            new DynamoTable("orders", new()
            {
                Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string" },
                PartitionKey = "customer_id",
                SortKey = "order_date",
                LocalIndexes = { ["keys-index"] = keysOnly, ["all-index"] = all, ["some-index"] = some, ["same-index"] = same },
            });
        });

        var include = new { ProjectionType = "INCLUDE", NonKeyAttributes = new[] { "total", "currency" } };
        template.ResourcePropertiesMatch("OrdersTable", new
        {
            LocalSecondaryIndexes = Match.Exact(new object[]
            {
                new { IndexName = "keys-index", KeySchema = Match.AnyValue(), Projection = new { ProjectionType = "KEYS_ONLY" } },
                new { IndexName = "all-index", KeySchema = Match.AnyValue(), Projection = new { ProjectionType = "ALL" } },
                new { IndexName = "some-index", KeySchema = Match.AnyValue(), Projection = include },
                new { IndexName = "same-index", KeySchema = Match.AnyValue(), Projection = include },
            }),
        });
        Assert.Empty(template.Warnings);
    }
}
