using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Testing;
using Stelvio.Tests.Fixtures;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Docs;

/// <summary>The snippets of docs/dynamodb.md on enabling streams and reading a table's stream ARN, each on its synthesized template.</summary>
public sealed class StreamsDocsTests
{
    [Fact]
    public void StreamAsString_WritesTheViewType()
    {
        var template = StreamAsString();

        template.ResourcePropertiesMatch("OrdersTable", new { StreamSpecification = Match.Exact(new { StreamViewType = "NEW_AND_OLD_IMAGES" }) });
        Assert.Empty(template.Warnings);
    }

    [Fact]
    public void StreamAsEnum_GivesTheSameTemplateAsTheString()
    {
        var withEnum = Synth.Template(app =>
        {
            // snippet: stream-enum
            var orders = new DynamoTable("orders", new()
            {
                Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
                PartitionKey = "customer_id",
                SortKey = "order_date",
                Stream = StreamView.NewAndOldImages,
            });
            // end snippet
        });

        Assert.Equal(StreamAsString().Result!.TemplateBytes, withEnum.Result!.TemplateBytes);
    }

    [Fact]
    public void StreamArn_IsADeferredGetAttOrNull_AndGoesIntoAFunctionsEnvironment()
    {
        var template = AppSynth.Template(app =>
        {
            // snippet: stream-properties
            var orders = new DynamoTable("orders", new()
            {
                Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
                PartitionKey = "customer_id",
                SortKey = "order_date",
                Stream = "new-and-old-images",
            });
            var users = new DynamoTable("users", new() { Fields = { ["user_id"] = "string" }, PartitionKey = "user_id" });

            Deferred<string>? streamArn = orders.StreamArn; // {"Fn::GetAtt": ["OrdersTable", "StreamArn"]}
            Deferred<string>? none = users.StreamArn;       // null: users has no stream

            // A deferred value goes where the template takes one: an environment variable, a permission, …
            new Function("audit", new()
            {
                Handler = "functions/Orders::OrderHandlers.ProcessChanges",
                Environment = { ["ORDERS_STREAM_ARN"] = orders.StreamArn! },
            });
            // end snippet

            Assert.Equal("""{"Fn::GetAtt":["OrdersTable","StreamArn"]}""", streamArn!.ToCloudFormation().ToJsonString());
            Assert.Null(none);
            var error = Assert.Throws<StelvioConfigException>(() => streamArn.ToString());
            Assert.StartsWith("DynamoTable 'orders': StreamArn: a deferred value ({\"Fn::GetAtt\":[\"OrdersTable\",\"StreamArn\"]}) is used as text, but it has no text before deployment.", error.Message, StringComparison.Ordinal);
        });

        template.ResourcePropertiesMatch("AuditFunction", new { Environment = Match.Exact(new { Variables = new { ORDERS_STREAM_ARN = Cfn.GetAtt("OrdersTable", "StreamArn") } }) });
        Assert.Empty(template.Outputs);
    }

    internal static Template StreamAsString() => Synth.Template(app =>
    {
        // snippet: stream-string
        var orders = new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            Stream = "new-and-old-images", // capture the item before and after each change
        });
        // end snippet
    });
}
