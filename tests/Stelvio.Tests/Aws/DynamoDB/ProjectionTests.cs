using Stelvio.Aws.DynamoDB;
using Stelvio.Testing;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Aws.DynamoDB;

/// <summary>Index projections: the spellings, key attributes dropped with a warning, and the INCLUDE limits.</summary>
public sealed class ProjectionTests
{
    private const string Orders = "DynamoTable 'orders'";

    [Theory]
    [InlineData("keys-only", "KEYS_ONLY")]
    [InlineData("KEYS_ONLY", "KEYS_ONLY")]
    [InlineData("all", "ALL")]
    [InlineData("ALL", "ALL")]
    public void Projection_StringSpellings_WriteTheirType(string spelling, string type)
    {
        var template = Synth.Template(app => OrdersWithGlobalIndex(new GlobalIndex("status") { Projections = spelling }));

        template.ResourcePropertiesMatch("OrdersTable", new { GlobalSecondaryIndexes = new[] { new { Projection = Match.Exact(new { ProjectionType = type }) } } });
    }

    [Theory]
    [InlineData(ProjectionType.KeysOnly, "KEYS_ONLY")]
    [InlineData(ProjectionType.All, "ALL")]
    public void Projection_EnumValues_WriteTheirType(ProjectionType projection, string type)
    {
        var template = Synth.Template(app => OrdersWithGlobalIndex(new GlobalIndex("status") { Projections = projection }));

        template.ResourcePropertiesMatch("OrdersTable", new { GlobalSecondaryIndexes = new[] { new { Projection = Match.Exact(new { ProjectionType = type }) } } });
    }

    [Fact]
    public void Projection_IncludeHelperAndList_WriteIncludeInTheOrderGiven()
    {
        var template = Synth.Template(app =>
        {
            OrdersWithGlobalIndex(new GlobalIndex("status") { Projections = Projection.Include("total", "note") });
            new DynamoTable("carts", new()
            {
                Fields = { ["customer_id"] = "string", ["status"] = "string" },
                PartitionKey = "customer_id",
                GlobalIndexes = { ["by-status"] = new GlobalIndex("status") { Projections = new List<string> { "note", "total" } } },
            });
        });

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            GlobalSecondaryIndexes = new[] { new { Projection = Match.Exact(new { ProjectionType = "INCLUDE", NonKeyAttributes = new[] { "total", "note" } }) } },
        });
        template.ResourcePropertiesMatch("CartsTable", new
        {
            GlobalSecondaryIndexes = new[] { new { Projection = Match.Exact(new { ProjectionType = "INCLUDE", NonKeyAttributes = new[] { "note", "total" } }) } },
        });
    }

    [Fact]
    public void Projection_ListingOnlyKeys_BecomesKeysOnlyWithAWarning()
    {
        var template = Synth.Template(app => OrdersWithGlobalIndex(new GlobalIndex("status") { Projections = new[] { "customer_id", "status" } }));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            GlobalSecondaryIndexes = new[] { new { Projection = Match.Exact(new { ProjectionType = "KEYS_ONLY" }) } },
        });
        var warning = Assert.Single(template.Warnings);
        Assert.Equal(Orders, warning.Component);
        Assert.Equal(
            "GlobalIndexes[\"by-status\"].Projections: 'customer_id', 'status' are key attributes, always projected; DynamoDB refuses key attributes in NonKeyAttributes, so they were left out of the list and the index projects keys only (KEYS_ONLY).",
            warning.Message);
    }

    [Fact]
    public void Projection_OfAGlobalIndex_DropsTheTableKeysToo()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            GlobalIndexes = { ["by-status"] = new GlobalIndex("status") { Projections = new[] { "order_date", "total" } } },
        }));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            GlobalSecondaryIndexes = new[] { new { Projection = Match.Exact(new { ProjectionType = "INCLUDE", NonKeyAttributes = new[] { "total" } }) } },
        });
        Assert.Contains(template.Warnings, w => w.Message.StartsWith("GlobalIndexes[\"by-status\"].Projections: 'order_date' is a key attribute", StringComparison.Ordinal));
    }

    [Fact]
    public void Projection_AnUndefinedProjectionTypeValue_ThrowsListingTheAllowedValues()
    {
        var error = Synth.Error(app => OrdersWithGlobalIndex(new GlobalIndex("status") { Projections = (ProjectionType)9 }));

        Errors.Single(error, Orders, "GlobalIndexes[\"by-status\"].Projections", "'9' is not a projection. Use \"keys-only\", \"all\", a list of attribute names, or ProjectionType.KeysOnly/All.");
    }

    [Fact]
    public void Projection_BadSpelling_ThrowsListingTheAllowedValues()
    {
        var error = Synth.Error(app => OrdersWithGlobalIndex(new GlobalIndex("status") { Projections = "everything" }));

        Errors.Single(error, Orders, "GlobalIndexes[\"by-status\"].Projections", "'everything' is not a projection. Use \"keys-only\", \"all\", a list of attribute names, or ProjectionType.KeysOnly/All.");
    }

    [Fact]
    public void Projection_DuplicateAttribute_Throws()
    {
        var error = Synth.Error(app => OrdersWithGlobalIndex(new GlobalIndex("status") { Projections = new[] { "total", "note", "total" } }));

        Errors.Single(error, Orders, "GlobalIndexes[\"by-status\"].Projections", "names 'total' more than once. List each attribute once.");
    }

    [Fact]
    public void Projection_EmptyAttributeName_Throws()
    {
        var error = Synth.Error(app => OrdersWithGlobalIndex(new GlobalIndex("status") { Projections = new[] { "total", " " } }));

        Errors.Single(error, Orders, "GlobalIndexes[\"by-status\"].Projections", "holds an empty attribute name. Remove it.");
    }

    [Fact]
    public void Projection_EmptyList_Throws()
    {
        var error = Synth.Error(app => OrdersWithGlobalIndex(new GlobalIndex("status") { Projections = Array.Empty<string>() }));

        Errors.Single(error, Orders, "GlobalIndexes[\"by-status\"].Projections", "lists no attributes. Name the attributes to copy (Projection.Include(\"total\") or new[] { \"total\" }), or use \"keys-only\".");
    }

    [Fact]
    public void Projection_IncludeEnumWithoutAttributes_Throws()
    {
        var error = Synth.Error(app => OrdersWithGlobalIndex(new GlobalIndex("status") { Projections = ProjectionType.Include }));

        Errors.Single(error, Orders, "GlobalIndexes[\"by-status\"].Projections", "lists no attributes. Name the attributes to copy (Projection.Include(\"total\") or new[] { \"total\" }), or use \"keys-only\".");
    }

    [Fact]
    public void Projection_MoreThan100IncludedAttributesOverAllIndexes_Throws()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string", ["total"] = "number" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            LocalIndexes = { ["status-index"] = new LocalIndex("status") { Projections = Attributes("a", 60) } },
            GlobalIndexes = { ["total-index"] = new GlobalIndex("total") { Projections = Attributes("b", 41) } },
        }));

        Errors.Single(error, Orders, "Projections", "the indexes project 101 non-key attributes in all; DynamoDB allows at most 100 summed over all indexes of a table. Project fewer attributes, or use \"all\".");
    }

    [Fact]
    public void Projection_Exactly100IncludedAttributesOverAllIndexes_IsAccepted()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string", ["total"] = "number" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            LocalIndexes = { ["status-index"] = new LocalIndex("status") { Projections = Attributes("a", 60) } },
            GlobalIndexes = { ["total-index"] = new GlobalIndex("total") { Projections = Attributes("b", 40) } },
        }));

        var properties = template.Resource("OrdersTable")["Properties"]!;
        Assert.Equal(60, properties["LocalSecondaryIndexes"]![0]!["Projection"]!["NonKeyAttributes"]!.AsArray().Count);
        Assert.Equal(40, properties["GlobalSecondaryIndexes"]![0]!["Projection"]!["NonKeyAttributes"]!.AsArray().Count);
    }

    [Fact]
    public void Projection_KeyAttributesDropped_DoNotCountTowardsThe100()
    {
        var template = Synth.Template(app => OrdersWithGlobalIndex(new GlobalIndex("status") { Projections = Attributes("a", 100).Append("customer_id").ToArray() }));

        Assert.Equal(100, template.Resource("OrdersTable")["Properties"]!["GlobalSecondaryIndexes"]![0]!["Projection"]!["NonKeyAttributes"]!.AsArray().Count);
    }

    private static string[] Attributes(string prefix, int count) => [.. Enumerable.Range(1, count).Select(i => $"{prefix}{i}")];

    private static DynamoTable OrdersWithGlobalIndex(GlobalIndex index) => new("orders", new()
    {
        Fields = { ["customer_id"] = "string", ["status"] = "string" },
        PartitionKey = "customer_id",
        GlobalIndexes = { ["by-status"] = index },
    });
}
