using System.Text.Json.Nodes;
using Stelvio.Aws.DynamoDB;
using Stelvio.Testing;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Aws.DynamoDB;

/// <summary>Raw CloudFormation properties of the table, through the config or <see cref="DynamoTable.AddPropertyOverride"/>.</summary>
public sealed class EscapeHatchTests
{
    private const string Orders = "DynamoTable 'orders'";

    [Fact]
    public void ConfigOverrides_AddNewPropertiesAndReplaceStelvios()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            PropertyOverrides =
            {
                ["SSESpecification.SSEEnabled"] = true,
                ["TableClass"] = "STANDARD_INFREQUENT_ACCESS",
                ["BillingMode"] = "PAY_PER_REQUEST",
            },
        }));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            SSESpecification = Match.Exact(new { SSEEnabled = true }),
            TableClass = "STANDARD_INFREQUENT_ACCESS",
            BillingMode = "PAY_PER_REQUEST",
        });
    }

    [Fact]
    public void AddPropertyOverride_IntoAnArrayElement_ChangesOnlyThatElement()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["status"] = "string", ["total"] = "number" },
            PartitionKey = "customer_id",
            GlobalIndexes = { ["by-status"] = new GlobalIndex("status"), ["by-total"] = new GlobalIndex("total") },
        }).AddPropertyOverride("GlobalSecondaryIndexes.1.ContributorInsightsSpecification.Enabled", true));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            GlobalSecondaryIndexes = new object[]
            {
                new { IndexName = "by-status", ContributorInsightsSpecification = Match.Absent() },
                new { IndexName = "by-total", ContributorInsightsSpecification = Match.Exact(new { Enabled = true }) },
            },
        });
    }

    [Fact]
    public void Overrides_ApplyConfigFirstThenMethodsInOrder()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            PropertyOverrides = { ["TableClass"] = "STANDARD" },
        })
        .AddPropertyOverride("TableClass", "STANDARD_INFREQUENT_ACCESS")
        .AddPropertyOverride("ContributorInsightsSpecification", new Dictionary<string, object> { ["Enabled"] = false })
        .AddPropertyOverride("ContributorInsightsSpecification.Enabled", true));

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            TableClass = "STANDARD_INFREQUENT_ACCESS",
            ContributorInsightsSpecification = Match.Exact(new { Enabled = true }),
        });
    }

    [Fact]
    public void Overrides_NullInConfigAndRemovePropertyOverride_RemoveStelviosProperties()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            Stream = "keys-only",
            PropertyOverrides = { ["Tags"] = null },
        }).RemovePropertyOverride("StreamSpecification").RemovePropertyOverride("No.Such.Path"));

        template.ResourcePropertiesMatch("OrdersTable", new { Tags = Match.Absent(), StreamSpecification = Match.Absent(), No = Match.Absent() });
    }

    [Fact]
    public void Overrides_TakeDeferredValuesAndJson()
    {
        var template = Synth.Template(app =>
        {
            var users = new DynamoTable("users", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });
            new DynamoTable("orders", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" })
                .AddPropertyOverride("Tags.2", new Dictionary<string, object> { ["Key"] = "peer", ["Value"] = users.Name })
                .AddPropertyOverride("ImportSourceSpecification", JsonNode.Parse("""{"InputFormat":"CSV"}"""))
                .RemovePropertyOverride("ImportSourceSpecification");
        });

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            Tags = Match.Exact(new object[]
            {
                new { Key = "stelvio:app", Value = "shop" },
                new { Key = "stelvio:stage", Value = "test" },
                new { Key = "peer", Value = new Dictionary<string, object> { ["Ref"] = "UsersTable" } },
            }),
            ImportSourceSpecification = Match.Absent(),
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("SSESpecification..SSEEnabled")]
    [InlineData("SSESpecification. SSEEnabled")]
    public void ConfigOverride_WithABadPath_ThrowsAtDeclaration(string path)
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            PropertyOverrides = { [path] = true },
        }));

        var expected = path.Length == 0
            ? "the property path is empty. Give a dotted path such as \"SSESpecification.SSEEnabled\"."
            : $"the property path '{path}' has an empty segment or spaces around a segment. Give a dotted path such as \"SSESpecification.SSEEnabled\".";
        Errors.Single(error, Orders, $"PropertyOverrides[\"{path}\"]", expected);
    }

    [Fact]
    public void AddPropertyOverride_WithABadPath_ThrowsNamingTheMethod()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" })
            .AddPropertyOverride("KeySchema.", 1));

        Errors.Single(error, Orders, "AddPropertyOverride", "the property path 'KeySchema.' has an empty segment or spaces around a segment. Give a dotted path such as \"SSESpecification.SSEEnabled\".");
    }

    [Fact]
    public void AddPropertyOverride_ThroughAString_ThrowsAtSynth()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" })
            .AddPropertyOverride("BillingMode.Mode", "x"));

        Errors.Single(error, Orders, "property override 'BillingMode.Mode'", "'BillingMode' holds \"PAY_PER_REQUEST\", not an object or array, so the path cannot go through it.");
    }

    [Fact]
    public void AddPropertyOverride_PastTheEndOfAnArray_ThrowsNamingTheValidIndexes()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" })
            .AddPropertyOverride("KeySchema.3.KeyType", "RANGE"));

        Errors.Single(error, Orders, "property override 'KeySchema.3.KeyType'", "'3' does not index the array there, which has 1 element (use 0 to 0, or 1 to append).");
    }

    [Fact]
    public void AddPropertyOverride_WithAnUnwritableValue_ThrowsNamingItsType()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" })
            .AddPropertyOverride("TableClass", new Uri("https://example.com")));

        Errors.Single(error, Orders, "property override 'TableClass'", "a value of type Uri cannot be written to a template. Use a string, number, bool, list, dictionary, JsonNode or deferred value.");
    }
}
