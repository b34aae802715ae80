using Stelvio.Aws.DynamoDB;
using Stelvio.Testing;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Aws.DynamoDB;

/// <summary>The one constructor shape: a name and a config object, inline or built separately.</summary>
public sealed class TableConfigTests
{
    [Fact]
    public void Config_BuiltSeparately_GivesTheSameTemplateAsInline()
    {
        var config = new DynamoTableConfig
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            Stream = "new-image",
        };

        var separate = Synth.Template(app => new DynamoTable("orders", config));
        var inline = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            Stream = "new-image",
        }));

        separate.ResourcePropertiesMatch("OrdersTable", new { StreamSpecification = new { StreamViewType = "NEW_IMAGE" } });
        Assert.Equal(inline.Result!.TemplateBytes, separate.Result!.TemplateBytes);
    }

    [Fact]
    public void Config_SharedByTwoTables_GivesTwoTablesWithTheirOwnNames()
    {
        var config = new DynamoTableConfig { Fields = { ["id"] = "string" }, PartitionKey = "id" };

        var template = Synth.Template(app =>
        {
            var a = new DynamoTable("carts", config);
            var b = new DynamoTable("wishlists", config);
            Assert.NotSame(config, a.Config); // each table keeps its own copy
            Assert.Equal(("id", "id"), (a.Config.PartitionKey, b.Config.PartitionKey));
        });

        template.ResourceCountIs("AWS::DynamoDB::Table", 2);
        template.ResourcePropertiesMatch("CartsTable", new { TableName = "shop-test-carts" });
        template.ResourcePropertiesMatch("WishlistsTable", new { TableName = "shop-test-wishlists" });
    }

    [Fact]
    public void Config_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => StelvioApp.Declare(Synth.App, Synth.Stage, _ => new DynamoTable("orders", null!)));

    [Fact]
    public void Table_ExposesItsNamesAndSettings()
    {
        DynamoTable? table = null;
        var template = Synth.Template(app => table = new DynamoTable("orders", new()
        {
            Fields = { ["id"] = "string" },
            PartitionKey = "id",
            Stream = StreamView.KeysOnly,
        }));

        Assert.Equal("DynamoTable", table!.Kind);
        Assert.Equal("orders", table.ComponentName);
        Assert.Equal("DynamoTable 'orders'", table.Display);
        Assert.Equal("shop-test-orders", table.PhysicalName);
        Assert.Equal("OrdersTable", table.LogicalId);
        Assert.Equal(StreamView.KeysOnly, table.Stream);
        Assert.Equal(RemovalPolicy.Delete, table.RemovalPolicy);
        Assert.Equal("shop", table.App.Name);
        Assert.Empty(template.Outputs); // 'outputs' reads the name and ARN from the deployed stack
    }
}
