using Stelvio.Aws.DynamoDB;
using Stelvio.Testing;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Aws.DynamoDB;

/// <summary>The guide's dictionary form of indexes: key spellings, and clear errors for unknown keys and wrong value types.</summary>
public sealed class IndexDictionaryTests
{
    private const string Orders = "DynamoTable 'orders'";

    [Theory]
    [InlineData("sort_key", "partition_key")]
    [InlineData("sortKey", "partitionKey")]
    [InlineData("SortKey", "PartitionKey")]
    [InlineData("SORT_KEY", "PARTITION_KEY")]
    [InlineData("sort-key", "partition-key")]
    public void Dictionary_KeySpellings_AreAllRead(string sortKey, string partitionKey)
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string", ["total"] = "number" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            LocalIndexes = { ["status-index"] = new Dictionary<string, object?> { [sortKey] = "status" } },
            GlobalIndexes = { ["total-index"] = new Dictionary<string, object?> { [partitionKey] = "status", [sortKey] = "total" } },
        }));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            LocalSecondaryIndexes = new[]
            {
                new { KeySchema = new object[] { new { AttributeName = "customer_id", KeyType = "HASH" }, new { AttributeName = "status", KeyType = "RANGE" } }, Projection = new { ProjectionType = "KEYS_ONLY" } },
            },
            GlobalSecondaryIndexes = new[]
            {
                new { KeySchema = new object[] { new { AttributeName = "status", KeyType = "HASH" }, new { AttributeName = "total", KeyType = "RANGE" } }, Projection = new { ProjectionType = "KEYS_ONLY" } },
            },
        });
    }

    [Fact]
    public void Dictionary_ProjectionsAsEnumOrProjection_AreRead()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["status"] = "string", ["total"] = "number" },
            PartitionKey = "customer_id",
            GlobalIndexes =
            {
                ["by-status"] = new Dictionary<string, object?> { ["partition_key"] = "status", ["projections"] = ProjectionType.All },
                ["by-total"] = new Dictionary<string, object?> { ["partition_key"] = "total", ["projection"] = Projection.Include("note") },
            },
        }));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            GlobalSecondaryIndexes = new object[]
            {
                new { IndexName = "by-status", Projection = Match.Exact(new { ProjectionType = "ALL" }) },
                new { IndexName = "by-total", Projection = Match.Exact(new { ProjectionType = "INCLUDE", NonKeyAttributes = new[] { "note" } }) },
            },
        });
    }

    [Fact]
    public void Dictionary_UnknownKeyOnLocalIndex_ThrowsListingTheSettings()
    {
        var error = Synth.Error(app => OrdersWithLocal(new Dictionary<string, object?> { ["sort_key"] = "status", ["projection_type"] = "all" }));

        Errors.Single(error, Orders, "LocalIndexes[\"status-index\"][\"projection_type\"]", "'projection_type' is not a setting of a local index. Use: sort_key, projections.");
    }

    [Fact]
    public void Dictionary_PartitionKeyOnLocalIndex_ThrowsAsUnknown()
    {
        var error = Synth.Error(app => OrdersWithLocal(new Dictionary<string, object?> { ["partition_key"] = "customer_id", ["sort_key"] = "status" }));

        Errors.Single(error, Orders, "LocalIndexes[\"status-index\"][\"partition_key\"]", "'partition_key' is not a setting of a local index. Use: sort_key, projections.");
    }

    [Fact]
    public void Dictionary_UnknownKeyOnGlobalIndex_ThrowsListingTheSettings()
    {
        var error = Synth.Error(app => OrdersWithGlobal(new Dictionary<string, object?> { ["partition_key"] = "status", ["hash_key"] = "status" }));

        Errors.Single(error, Orders, "GlobalIndexes[\"by-status\"][\"hash_key\"]", "'hash_key' is not a setting of a global index. Use: partition_key, sort_key, projections, read_capacity, write_capacity.");
    }

    [Fact]
    public void Dictionary_KeyGivenTwiceInTwoSpellings_Throws()
    {
        var error = Synth.Error(app => OrdersWithGlobal(new Dictionary<string, object?> { ["partition_key"] = "status", ["PartitionKey"] = "status" }));

        Errors.Single(error, Orders, "GlobalIndexes[\"by-status\"][\"PartitionKey\"]", "sets partition_key again (also given as 'partition_key'). Give each setting once.");
    }

    [Fact]
    public void Dictionary_SortKeyNotAString_ThrowsNamingTheValue()
    {
        var error = Synth.Error(app => OrdersWithLocal(new Dictionary<string, object?> { ["sort_key"] = 5 }));

        Errors.Single(error, Orders, "LocalIndexes[\"status-index\"][\"sort_key\"]", "must be a field name (a string), not 5 (Int32).");
    }

    [Fact]
    public void Dictionary_PartitionKeyNull_ThrowsNamingTheValue()
    {
        var error = Synth.Error(app => OrdersWithGlobal(new Dictionary<string, object?> { ["partition_key"] = null }));

        Errors.Single(error, Orders, "GlobalIndexes[\"by-status\"][\"partition_key\"]", "must be a field name (a string), not null.");
    }

    [Fact]
    public void Dictionary_ProjectionsOfWrongType_Throws()
    {
        var error = Synth.Error(app => OrdersWithLocal(new Dictionary<string, object?> { ["sort_key"] = "status", ["projections"] = 3.5 }));

        Errors.Single(error, Orders, "LocalIndexes[\"status-index\"][\"projections\"]", "must be \"keys-only\", \"all\" or a list of attribute names, not 3.5 (Double).");
    }

    [Fact]
    public void Dictionary_ProjectionsListHoldingANonString_Throws()
    {
        var error = Synth.Error(app => OrdersWithLocal(new Dictionary<string, object?> { ["sort_key"] = "status", ["projections"] = new object[] { "total", 7 } }));

        Errors.Single(error, Orders, "LocalIndexes[\"status-index\"][\"projections\"]", "must list attribute names (strings); it holds 7 (Int32).");
    }

    [Fact]
    public void Dictionary_ProjectionsBadSpelling_Throws()
    {
        var error = Synth.Error(app => OrdersWithLocal(new Dictionary<string, object?> { ["sort_key"] = "status", ["projections"] = "some" }));

        Errors.Single(error, Orders, "LocalIndexes[\"status-index\"].Projections", "'some' is not a projection. Use \"keys-only\", \"all\", a list of attribute names, or ProjectionType.KeysOnly/All.");
    }

    [Fact]
    public void Dictionary_CapacityNotAWholeNumber_Throws()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["status"] = "string" },
            PartitionKey = "customer_id",
            Billing = BillingMode.Provisioned,
            ReadCapacity = 5,
            WriteCapacity = 5,
            GlobalIndexes = { ["by-status"] = new Dictionary<string, object?> { ["partition_key"] = "status", ["read_capacity"] = "10" } },
        }));

        Errors.Single(error, Orders, "GlobalIndexes[\"by-status\"][\"read_capacity\"]", "must be a whole number, not \"10\".");
    }

    [Fact]
    public void Dictionary_CapacitiesAsIntAndLong_AreWrittenOnAProvisionedTable()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["status"] = "string" },
            PartitionKey = "customer_id",
            Billing = BillingMode.Provisioned,
            ReadCapacity = 5,
            WriteCapacity = 5,
            GlobalIndexes = { ["by-status"] = new Dictionary<string, object?> { ["partition_key"] = "status", ["read_capacity"] = 10, ["write_capacity"] = 2L } },
        }));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            GlobalSecondaryIndexes = new[] { new { ProvisionedThroughput = Match.Exact(new { ReadCapacityUnits = 10, WriteCapacityUnits = 2 }) } },
        });
    }

    private static DynamoTable OrdersWithLocal(Dictionary<string, object?> index) => new("orders", new()
    {
        Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string", ["total"] = "number" },
        PartitionKey = "customer_id",
        SortKey = "order_date",
        LocalIndexes = { ["status-index"] = index },
    });

    private static DynamoTable OrdersWithGlobal(Dictionary<string, object?> index) => new("orders", new()
    {
        Fields = { ["customer_id"] = "string", ["status"] = "string" },
        PartitionKey = "customer_id",
        GlobalIndexes = { ["by-status"] = index },
    });
}
