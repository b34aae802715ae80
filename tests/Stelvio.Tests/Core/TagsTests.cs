using Stelvio.Aws.DynamoDB;
using Stelvio.Testing;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Core;

/// <summary>Every taggable resource carries stelvio:app and stelvio:stage, the app's tags and its component's; AWS's tag rules are checked at synth.</summary>
public sealed class TagsTests
{
    [Fact]
    public void Tags_StelvioAppWideAndComponent_AreMergedSortedByKey()
    {
        var template = Synth.Template(app =>
        {
            app.Tags["team"] = "checkout";
            app.Tags["cost-center"] = "42";
            new DynamoTable("orders", new()
            {
                Fields = { ["id"] = "string" },
                PartitionKey = "id",
                Tags = { ["team"] = "orders", ["owner"] = "ana@example.com" },
            });
            new DynamoTable("users", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });
        });

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            Tags = Match.Exact(new object[]
            {
                new { Key = "cost-center", Value = "42" },
                new { Key = "owner", Value = "ana@example.com" },
                new { Key = "stelvio:app", Value = "shop" },
                new { Key = "stelvio:stage", Value = "test" },
                new { Key = "team", Value = "orders" },
            }),
        });
        template.ResourcePropertiesMatch("UsersTable", new
        {
            Tags = Match.Exact(new object[]
            {
                new { Key = "cost-center", Value = "42" },
                new { Key = "stelvio:app", Value = "shop" },
                new { Key = "stelvio:stage", Value = "test" },
                new { Key = "team", Value = "checkout" },
            }),
        });
    }

    [Fact]
    public void AppTag_WithReservedAwsPrefix_ThrowsAtSynth()
    {
        var error = Synth.Error(app =>
        {
            app.Tags["aws:cloudformation:stack-name"] = "x";
            new DynamoTable("orders", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });
        });

        Errors.Single(error, "App", "Tags[\"aws:cloudformation:stack-name\"]", "tag keys starting with 'aws:' are reserved by AWS. Choose another key.");
    }

    [Fact]
    public void ComponentTag_OverridingStelvioStage_Throws()
    {
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["id"] = "string" },
            PartitionKey = "id",
            Tags = { ["stelvio:stage"] = "prod" },
        }));

        Errors.Single(error, "DynamoTable 'orders'", "Tags[\"stelvio:stage\"]", "tag keys starting with 'stelvio:' are reserved: Stelvio sets stelvio:app and stelvio:stage itself. Choose another key.");
    }

    [Fact]
    public void ComponentTag_BadLengthsAndCharacters_ThrowEach()
    {
        var longKey = new string('k', 129);
        var error = Synth.Error(app => new DynamoTable("orders", new()
        {
            Fields = { ["id"] = "string" },
            PartitionKey = "id",
            Tags = { [longKey] = "v", ["note"] = new string('v', 257), ["emoji"] = "yes!", ["a#b"] = "v", ["line"] = "one\n" },
        }));

        const string Orders = "DynamoTable 'orders'";
        Assert.Equal(5, error.Errors.Count);
        Errors.Has(error, Orders, $"Tags[\"{longKey}\"]", "a tag key must have 1 to 128 characters (this one has 129).");
        Errors.Has(error, Orders, "Tags[\"note\"]", "the tag value has 257 characters; AWS allows at most 256.");
        Errors.Has(error, Orders, "Tags[\"emoji\"]", "the tag value 'yes!' may hold only letters, digits, spaces and _ . : / = + - @.");
        Errors.Has(error, Orders, "Tags[\"line\"]", "the tag value 'one\n' may hold only letters, digits, spaces and _ . : / = + - @.");
        Errors.Has(error, Orders, "Tags[\"a#b\"]", "the tag key may hold only letters, digits, spaces and _ . : / = + - @.");
    }

    [Fact]
    public void AppTag_WithEmptyKeyOrNullValue_Throws()
    {
        var error = Synth.Error(app =>
        {
            app.Tags[""] = "v";
            app.Tags["owner"] = null!;
        });

        Assert.Equal(2, error.Errors.Count);
        Errors.Has(error, "App", "Tags[\"\"]", "a tag key must have 1 to 128 characters (this one has 0).");
        Errors.Has(error, "App", "Tags[\"owner\"]", "the tag value is null. Use \"\" for an empty value.");
    }

    [Fact]
    public void Tags_MoreThan50OnAResource_Throws()
    {
        var error = Synth.Error(app =>
        {
            for (var i = 0; i < 40; i++)
            {
                app.Tags[$"app-{i}"] = "v";
            }

            new DynamoTable("orders", new()
            {
                Fields = { ["id"] = "string" },
                PartitionKey = "id",
                Tags = Enumerable.Range(0, 9).ToDictionary(i => $"own-{i}", _ => "v"),
            });
        });

        Errors.Single(error, "DynamoTable 'orders'", "Tags", "its resources would carry 51 tags (Stelvio's, the app's and its own); AWS allows at most 50 on a resource. Remove some.");
    }

    [Fact]
    public void AppTags_MoreThan48_Throw()
    {
        var error = Synth.Error(app =>
        {
            for (var i = 0; i < 49; i++)
            {
                app.Tags[$"app-{i}"] = "v";
            }
        });

        Errors.Single(error, "App", "Tags", "49 app tags plus stelvio:app and stelvio:stage make 51; AWS allows at most 50 tags on a resource. Remove some.");
    }

    [Fact]
    public void Tags_Exactly50OnAResource_AreAccepted()
    {
        var template = Synth.Template(app =>
        {
            for (var i = 0; i < 40; i++)
            {
                app.Tags[$"app-{i:00}"] = "v";
            }

            new DynamoTable("orders", new()
            {
                Fields = { ["id"] = "string" },
                PartitionKey = "id",
                Tags = Enumerable.Range(0, 8).ToDictionary(i => $"own-{i}", _ => "v"),
            });
        });

        Assert.Equal(50, template.Resource("OrdersTable")["Properties"]!["Tags"]!.AsArray().Count);
    }
}
