using Stelvio.Aws.DynamoDB;
using Stelvio.Testing;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Aws.DynamoDB;

/// <summary>On-demand billing by default; provisioned billing with table and index capacities.</summary>
public sealed class BillingTests
{
    private const string Orders = "DynamoTable 'orders'";

    [Fact]
    public void Billing_Default_IsPayPerRequestWithoutThroughput()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["status"] = "string" },
            PartitionKey = "customer_id",
            GlobalIndexes = { ["by-status"] = new GlobalIndex("status") },
        }));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            BillingMode = "PAY_PER_REQUEST",
            ProvisionedThroughput = Match.Absent(),
            GlobalSecondaryIndexes = new[] { new { ProvisionedThroughput = Match.Absent() } },
        });
    }

    [Fact]
    public void Billing_Provisioned_WritesTableAndIndexThroughputButNoneOnLocalIndexes()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string", ["total"] = "number" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            Billing = BillingMode.Provisioned,
            ReadCapacity = 5,
            WriteCapacity = 3,
            LocalIndexes = { ["status-index"] = new LocalIndex("status") },
            GlobalIndexes =
            {
                ["by-status"] = new GlobalIndex("status"),
                ["by-total"] = new GlobalIndex("total") { ReadCapacity = 10, WriteCapacity = 1 },
            },
        }));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            BillingMode = "PROVISIONED",
            ProvisionedThroughput = Match.Exact(new { ReadCapacityUnits = 5, WriteCapacityUnits = 3 }),
            LocalSecondaryIndexes = new[] { new { IndexName = "status-index", ProvisionedThroughput = Match.Absent() } },
            GlobalSecondaryIndexes = new[]
            {
                new { IndexName = "by-status", ProvisionedThroughput = Match.Exact(new { ReadCapacityUnits = 5, WriteCapacityUnits = 3 }) },
                new { IndexName = "by-total", ProvisionedThroughput = Match.Exact(new { ReadCapacityUnits = 10, WriteCapacityUnits = 1 }) },
            },
        });
    }

    [Fact]
    public void Billing_ProvisionedWithoutCapacities_ThrowsForEach()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            Billing = BillingMode.Provisioned,
        }));

        Assert.Equal(2, error.Errors.Count);
        Errors.Has(error, Orders, "ReadCapacity", "is required with provisioned billing. Give at least 1 capacity unit, or use BillingMode.PayPerRequest.");
        Errors.Has(error, Orders, "WriteCapacity", "is required with provisioned billing. Give at least 1 capacity unit, or use BillingMode.PayPerRequest.");
    }

    [Fact]
    public void Billing_ProvisionedWithZeroCapacity_Throws()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            Billing = BillingMode.Provisioned,
            ReadCapacity = 0,
            WriteCapacity = 1,
        }));

        Errors.Single(error, Orders, "ReadCapacity", "is 0; provisioned capacity must be at least 1 unit.");
    }

    [Fact]
    public void Billing_ProvisionedIndexWithNegativeCapacity_Throws()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["status"] = "string" },
            PartitionKey = "customer_id",
            Billing = BillingMode.Provisioned,
            ReadCapacity = 1,
            WriteCapacity = 1,
            GlobalIndexes = { ["by-status"] = new GlobalIndex("status") { WriteCapacity = -2 } },
        }));

        Errors.Single(error, Orders, "GlobalIndexes[\"by-status\"].WriteCapacity", "is -2; provisioned capacity must be at least 1 unit.");
    }

    [Fact]
    public void Billing_PayPerRequestWithCapacities_ThrowsForEach()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["status"] = "string" },
            PartitionKey = "customer_id",
            ReadCapacity = 5,
            GlobalIndexes = { ["by-status"] = new GlobalIndex("status") { WriteCapacity = 2 } },
        }));

        const string Message = "capacities apply only to provisioned tables (this one is billed per request). Set Billing = BillingMode.Provisioned, or remove the capacity.";
        Assert.Equal(2, error.Errors.Count);
        Errors.Has(error, Orders, "ReadCapacity", Message);
        Errors.Has(error, Orders, "GlobalIndexes[\"by-status\"].WriteCapacity", Message);
    }

    [Fact]
    public void Billing_UndefinedEnumValue_Throws()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            Billing = (BillingMode)7,
        }));

        Errors.Single(error, Orders, "Billing", "'7' is not a billing mode. Use BillingMode.PayPerRequest or BillingMode.Provisioned.");
    }
}
