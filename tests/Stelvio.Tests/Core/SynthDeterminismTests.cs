using System.Text;
using Stelvio.Aws.DynamoDB;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Core;

/// <summary>Synthesis is pure: the same program gives the same bytes, whatever the order dictionaries were filled in.</summary>
public sealed class SynthDeterminismTests
{
    [Fact]
    public void Synth_TwiceOfTheSameApp_IsByteIdentical()
    {
        var first = StelvioApp.Declare(Synth.App, Synth.Stage, DeclareShop).Synth().TemplateBytes;
        var second = StelvioApp.Declare(Synth.App, Synth.Stage, DeclareShop).Synth().TemplateBytes;

        Assert.Equal(first, second);
        Synth.Template(DeclareShop);
    }

    [Fact]
    public void Synth_OfTheSameAppObjectTwice_IsByteIdentical()
    {
        var app = StelvioApp.Declare(Synth.App, Synth.Stage, DeclareShop);

        Assert.Equal(app.Synth().TemplateBytes, app.Synth().TemplateBytes);
    }

    [Fact]
    public void Synth_TagsGivenInAnotherOrder_GiveTheSameBytes()
    {
        var a = StelvioApp.Declare(Synth.App, Synth.Stage, app =>
        {
            app.Tags["b"] = "2";
            app.Tags["a"] = "1";
            Orders(new() { ["y"] = "2", ["x"] = "1" });
        }).Synth().TemplateBytes;
        var b = StelvioApp.Declare(Synth.App, Synth.Stage, app =>
        {
            app.Tags["a"] = "1";
            app.Tags["b"] = "2";
            Orders(new() { ["x"] = "1", ["y"] = "2" });
        }).Synth().TemplateBytes;

        Assert.Equal(a, b);
    }

    [Fact]
    public void TemplateBytes_AreUtf8JsonWithLfLineEndsAndATrailingNewline()
    {
        var bytes = StelvioApp.Declare(Synth.App, Synth.Stage, DeclareShop).Synth().TemplateBytes;
        var text = Encoding.UTF8.GetString(bytes);

        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Description\": \"Stelvio app 'shop', stage 'test'.\",\n  \"Resources\": {\n    \"OrdersTable\": {\n      \"Type\": \"AWS::DynamoDB::Table\",\n      \"DeletionPolicy\": \"Delete\",", text, StringComparison.Ordinal);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte order mark");
    }

    [Fact]
    public void Synth_WritesResourcesInDeclarationOrder_AndNoOutputs()
    {
        var template = Synth.Template(DeclareShop);

        Assert.Equal(["OrdersTable", "UsersTable"], template.Resources.Select(r => r.Key));
        Assert.Empty(template.Outputs);
    }

    private static void DeclareShop(StelvioApp app)
    {
        app.Tags["team"] = "checkout";
        new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string", ["total"] = "number" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            LocalIndexes = { ["status-index"] = new LocalIndex("status") { Projections = new[] { "total" } } },
            GlobalIndexes = { ["status-total-index"] = new GlobalIndex("status", "total") { Projections = "all" } },
            Stream = StreamView.NewAndOldImages,
            Tags = { ["owner"] = "ana" },
        });
        new DynamoTable("users", new() { Fields = { ["user_id"] = "string" }, PartitionKey = "user_id" });
    }

    private static DynamoTable Orders(Dictionary<string, string> tags) => new("orders", new()
    {
        Fields = { ["id"] = "string" },
        PartitionKey = "id",
        Tags = tags,
    });
}
