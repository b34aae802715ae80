using System.Text.Json.Nodes;
using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Testing;
using Stelvio.Tests.Fixtures;

namespace Stelvio.Tests.Subscriptions;

/// <summary>The guide's stream subscription examples, in every form, on the synthesized template.</summary>
public sealed class SubscribeTests
{
    private static readonly string[] StreamRead = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"];

    private static JsonNode[] StreamStatements() =>
    [
        Cfn.Statement(StreamRead, Cfn.GetAtt("OrdersTable", "StreamArn")),
        Cfn.Statement(["dynamodb:ListStreams"], Cfn.Text("*")),
    ];

    [Fact]
    public void GuideSubscriptions_InCSharp_CreateAFunctionAndMappingEach()
    {
        // GIVEN the guide's orders table with a stream and its two subscriptions
        var template = AppSynth.Template(app =>
        {
            var orders = GuideTables.OrdersWithStream();
            orders.Subscribe("process-orders", "functions/Orders::OrderHandlers.ProcessChanges");
            orders.Subscribe("update-inventory", "functions/Orders::InventoryHandlers.UpdateStock");
        });

        // THEN each is a function named {table}-{name}
        template.ResourceCountIs("AWS::Lambda::Function", 2);
        template.ResourcePropertiesMatch("OrdersProcessOrdersFunction", new { FunctionName = "shop-test-orders-process-orders", Handler = "OrderHandlers.ProcessChanges", Runtime = "provided.al2023" });
        template.ResourcePropertiesMatch("OrdersUpdateInventoryFunction", new { FunctionName = "shop-test-orders-update-inventory", Handler = "InventoryHandlers.UpdateStock" });

        // AND an event source mapping from the stream with the guide's defaults
        template.ResourceCountIs("AWS::Lambda::EventSourceMapping", 2);
        template.HasResource("AWS::Lambda::EventSourceMapping", new
        {
            DependsOn = Match.Exact(new[] { "OrdersProcessOrdersPolicy" }),
            Properties = Match.Exact(new
            {
                EventSourceArn = Cfn.GetAtt("OrdersTable", "StreamArn"),
                FunctionName = Cfn.Ref("OrdersProcessOrdersFunction"),
                StartingPosition = "LATEST",
                BatchSize = 100,
                MaximumBatchingWindowInSeconds = 0,
                Tags = new[] { new { Key = "stelvio:app", Value = "shop" }, new { Key = "stelvio:stage", Value = "test" } },
            }),
        });
        template.ResourcePropertiesMatch("OrdersUpdateInventoryEventSourceMapping", new { FunctionName = Cfn.Ref("OrdersUpdateInventoryFunction") });

        // AND each function's role can read the stream, and nothing else
        template.ResourcePropertiesMatch("OrdersProcessOrdersPolicy", new
        {
            Roles = Match.Exact(new[] { Cfn.Ref("OrdersProcessOrdersRole") }),
            PolicyDocument = new { Statement = Match.Exact(StreamStatements()) },
        });
        template.ResourcePropertiesMatch("OrdersUpdateInventoryPolicy", new { PolicyDocument = new { Statement = Match.Exact(StreamStatements()) } });
        template.ResourcePropertiesMatch("OrdersProcessOrdersRole", new { AssumeRolePolicyDocument = Match.Exact(Cfn.LambdaTrustPolicy()) });
    }

    [Fact]
    public void GuideSubscriptions_WithPythonHandlersVerbatim_UsePythonRuntime()
    {
        var template = AppSynth.Template(app =>
        {
            var orders = GuideTables.OrdersWithStream();
            orders.Subscribe("process-orders", "functions/orders.process_changes", new() { Runtime = "python3.12" });
            orders.Subscribe("update-inventory", "functions/inventory.update_stock", new() { Runtime = "python3.12" });
        });

        template.ResourcePropertiesMatch("OrdersProcessOrdersFunction", new { Handler = "orders.process_changes", Runtime = "python3.12" });
        template.ResourcePropertiesMatch("OrdersUpdateInventoryFunction", new { Handler = "inventory.update_stock", Runtime = "python3.12" });
        template.ResourceCountIs("AWS::Lambda::EventSourceMapping", 2);
        Assert.Single(template.Result!.Assets);
    }

    [Fact]
    public void Subscription_WithDirectOptions_SetsMemoryAndTimeout()
    {
        // The guide's direct options (timeout=60, memory=512) are the third argument.
        var template = AppSynth.Template(app => GuideTables.OrdersWithStream()
            .Subscribe("custom-handler", "functions/Orders::OrderHandlers.Handle", new() { Timeout = 60, Memory = 512 }));

        template.ResourcePropertiesMatch("OrdersCustomHandlerFunction", new { Handler = "OrderHandlers.Handle", Timeout = 60, MemorySize = 512 });
    }

    [Fact]
    public void Subscription_WithFunctionConfig_SetsMemoryAndTimeout()
    {
        var template = AppSynth.Template(app => GuideTables.OrdersWithStream()
            .Subscribe("config-handler", new FunctionConfig { Handler = "functions/Orders::OrderHandlers.Handle", Timeout = 60, Memory = 512 }));

        template.ResourcePropertiesMatch("OrdersConfigHandlerFunction", new { FunctionName = "shop-test-orders-config-handler", Handler = "OrderHandlers.Handle", Timeout = 60, MemorySize = 512 });
        template.ResourceCountIs("AWS::Lambda::EventSourceMapping", 1);
    }

    [Fact]
    public void Subscription_WithDictionary_SetsMemoryAndTimeout()
    {
        var template = AppSynth.Template(app => GuideTables.OrdersWithStream().Subscribe("dict-handler", new Dictionary<string, object?>
        {
            ["handler"] = "functions/Orders::OrderHandlers.Handle",
            ["timeout"] = 30,
            ["memory"] = 256,
        }));

        template.ResourcePropertiesMatch("OrdersDictHandlerFunction", new { Handler = "OrderHandlers.Handle", Timeout = 30, MemorySize = 256 });
    }

    [Fact]
    public void Subscription_WithoutLink_HasNoTableAccessNorTableSettings()
    {
        var template = AppSynth.Template(app => GuideTables.OrdersWithStream().Subscribe("process-orders", "functions/Orders::OrderHandlers.ProcessChanges"));

        var actions = Cfn.Statements(template, "OrdersProcessOrdersPolicy").SelectMany(s => s!["Action"]!.AsArray()).Select(a => a!.GetValue<string>()).ToArray();
        Assert.DoesNotContain("dynamodb:GetItem", actions);
        Assert.DoesNotContain("dynamodb:PutItem", actions);
        Assert.DoesNotContain("dynamodb:Query", actions);
        Assert.Empty(Cfn.Variables(template, "OrdersProcessOrdersFunction"));
    }

    [Fact]
    public void Subscription_WhoseFunctionAlsoLinksTheTable_GetsStreamThenTableAccess()
    {
        var template = AppSynth.Template(app =>
        {
            var orders = GuideTables.OrdersWithStream();
            orders.Subscribe("process-orders", "functions/Orders::OrderHandlers.ProcessChanges", new() { Links = [orders] });
        });

        template.ResourcePropertiesMatch("OrdersProcessOrdersPolicy", new
        {
            PolicyDocument = new
            {
                Statement = Match.Exact(new[]
                {
                    Cfn.Statement(StreamRead, Cfn.GetAtt("OrdersTable", "StreamArn")),
                    Cfn.Statement(["dynamodb:ListStreams"], Cfn.Text("*")),
                    Cfn.Statement(
                        ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable"],
                        Cfn.GetAtt("OrdersTable", "Arn")),
                    Cfn.Statement(["dynamodb:Query", "dynamodb:Scan"], Cfn.Sub("${OrdersTable.Arn}/index/*")),
                }),
            },
        });
        Assert.Equal(["STLV_ORDERS_STREAM_ARN", "STLV_ORDERS_TABLE_ARN", "STLV_ORDERS_TABLE_NAME"], Cfn.Variables(template, "OrdersProcessOrdersFunction").Select(v => v.Key));
    }

    [Fact]
    public void Subscription_ExposesItsFunctionTableAndOptions()
    {
        DynamoTable? orders = null;
        DynamoSubscription? subscription = null;
        StelvioApp.Declare("shop", "test", app =>
        {
            orders = GuideTables.OrdersWithStream();
            subscription = orders.Subscribe("process-orders", "functions/Orders::OrderHandlers.ProcessChanges");
        }, FixtureProject.Directory);

        Assert.Equal("process-orders", subscription!.Name);
        Assert.Same(orders, subscription.Table);
        Assert.Equal("orders-process-orders", subscription.Function.ComponentName);
        Assert.Equal("OrdersProcessOrdersEventSourceMapping", subscription.MappingLogicalId);
        Assert.Equal(100, subscription.Options.BatchSize);
        Assert.Equal([subscription], orders!.Subscriptions);
    }

    [Fact]
    public void Subscription_MappingCarriesTheAppAndFunctionTags()
    {
        var template = AppSynth.Template(app =>
        {
            app.Tags["team"] = "orders";
            var orders = GuideTables.OrdersWithStream();
            orders.Subscribe("process-orders", new FunctionConfig
            {
                Handler = "functions/Orders::OrderHandlers.ProcessChanges",
                Tags = { ["cost-center"] = "42" },
            });
        });

        template.ResourcePropertiesMatch("OrdersProcessOrdersEventSourceMapping", new
        {
            Tags = Match.Exact(new[]
            {
                new { Key = "cost-center", Value = "42" },
                new { Key = "stelvio:app", Value = "shop" },
                new { Key = "stelvio:stage", Value = "test" },
                new { Key = "team", Value = "orders" },
            }),
        });
    }
}
