using System.Text.Json.Nodes;
using Stelvio.Assets;
using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Testing;
using Stelvio.Tests.Fixtures;

namespace Stelvio.Tests.Docs;

/// <summary>The snippets of docs/dynamodb.md on stream subscriptions, each on its synthesized template.</summary>
public sealed class SubscriptionsDocsTests
{
    private static readonly string[] StreamRead = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"];

    private static readonly string[] ReadWrite =
    [
        "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:Scan",
        "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable",
    ];

    [Fact]
    public void Subscribe_CreatesARoleAPolicyAFunctionAndAMappingPerSubscription()
    {
        var template = Subscribe();

        template.ResourceCountIs("AWS::Lambda::Function", 2);
        template.ResourceCountIs("AWS::Lambda::EventSourceMapping", 2);
        template.ResourcePropertiesMatch("OrdersProcessOrdersFunction", new
        {
            FunctionName = "shop-test-orders-process-orders",
            Runtime = "provided.al2023",
            Handler = "OrderHandlers.ProcessChanges",
            MemorySize = 128,
            Timeout = 60,
            Architectures = Match.Exact(new[] { "x86_64" }),
            Environment = Match.Absent(),
        });
        template.ResourcePropertiesMatch("OrdersUpdateInventoryFunction", new { FunctionName = "shop-test-orders-update-inventory", Handler = "InventoryHandlers.UpdateStock" });
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
        template.ResourcePropertiesMatch("OrdersProcessOrdersPolicy", new
        {
            PolicyDocument = new
            {
                Statement = Match.Exact(new[]
                {
                    Cfn.Statement(StreamRead, Cfn.GetAtt("OrdersTable", "StreamArn")),
                    Cfn.Statement(["dynamodb:ListStreams"], Cfn.Text("*")),
                }),
            },
        });
        template.ResourcePropertiesMatch("OrdersProcessOrdersRole", new
        {
            AssumeRolePolicyDocument = Match.Exact(Cfn.LambdaTrustPolicy()),
            ManagedPolicyArns = Match.Exact(new[] { Cfn.BasicExecutionRole() }),
        });
    }

    [Fact]
    public void LambdaConfiguration_InEveryForm_SetsTimeoutAndMemory()
    {
        var template = AppSynth.Template(app =>
        {
            var orders = GuideTables.OrdersWithStream();

            // snippet: subscribe-direct-options
            orders.Subscribe(
                "custom-handler",
                "functions/Orders::OrderHandlers.ProcessChanges",
                new() { Timeout = 60, Memory = 512 });
            // end snippet

            // snippet: subscribe-function-config
            orders.Subscribe(
                "config-handler",
                new FunctionConfig
                {
                    Handler = "functions/Orders::OrderHandlers.ProcessChanges",
                    Timeout = 60,
                    Memory = 512,
                });
            // end snippet

            // snippet: subscribe-dictionary
            orders.Subscribe("dict-handler", new Dictionary<string, object?>
            {
                ["handler"] = "functions/Orders::OrderHandlers.ProcessChanges",
                ["timeout"] = 30,
                ["memory"] = 256,
            });
            // end snippet
        });

        template.ResourcePropertiesMatch("OrdersCustomHandlerFunction", new { FunctionName = "shop-test-orders-custom-handler", Handler = "OrderHandlers.ProcessChanges", Timeout = 60, MemorySize = 512 });
        template.ResourcePropertiesMatch("OrdersConfigHandlerFunction", new { FunctionName = "shop-test-orders-config-handler", Handler = "OrderHandlers.ProcessChanges", Timeout = 60, MemorySize = 512 });
        template.ResourcePropertiesMatch("OrdersDictHandlerFunction", new { FunctionName = "shop-test-orders-dict-handler", Handler = "OrderHandlers.ProcessChanges", Timeout = 30, MemorySize = 256 });
        template.ResourceCountIs("AWS::Lambda::EventSourceMapping", 3);
    }

    [Fact]
    public void HandlerGivenTwice_IsRefused()
    {
        Assert.Equal(
            "DynamoTable 'orders': Subscribe(\"process-orders\"): the handler is given twice: as an argument ('functions/Orders::OrderHandlers.ProcessChanges') and in the function's configuration ('functions/Orders::InventoryHandlers.UpdateStock'). " +
            "Give it once: Subscribe(name, handler, new() { …other settings… }) or Subscribe(name, new FunctionConfig { Handler = …, … }).",
            HandlerGivenTwiceError());
    }

    [Fact]
    public void SubscribingToATableWithoutStream_IsRefusedNamingTheSetting()
    {
        Assert.Equal(
            "DynamoTable 'users': Subscribe(\"audit\"): the table has no stream, so nothing can subscribe to it. Enable one with Stream in the table's configuration, " +
            "for example Stream = \"new-and-old-images\" (or StreamView.NewAndOldImages).",
            NoStreamError());
    }

    [Fact]
    public void Options_AreWrittenToTheMapping_AndTheQueueIsGrantedToTheRole()
    {
        var template = Options();

        template.ResourcePropertiesMatch("OrdersShipOrdersEventSourceMapping", Match.Exact(new
        {
            EventSourceArn = Cfn.GetAtt("OrdersTable", "StreamArn"),
            FunctionName = Cfn.Ref("OrdersShipOrdersFunction"),
            StartingPosition = "TRIM_HORIZON",
            BatchSize = 10,
            MaximumBatchingWindowInSeconds = 5,
            MaximumRetryAttempts = 3,
            MaximumRecordAgeInSeconds = 3600,
            BisectBatchOnFunctionError = true,
            FunctionResponseTypes = new[] { "ReportBatchItemFailures" },
            ParallelizationFactor = 2,
            DestinationConfig = new { OnFailure = new { Destination = "arn:aws:sqs:eu-west-1:123456789012:orders-dlq" } },
            Tags = new[] { new { Key = "stelvio:app", Value = "shop" }, new { Key = "stelvio:stage", Value = "test" } },
        }));
        var statements = Cfn.Statements(template, "OrdersShipOrdersPolicy");
        Assert.Equal(3, statements.Count);
        Assert.True(JsonNode.DeepEquals(Cfn.Statement(["sqs:SendMessage"], Cfn.Text("arn:aws:sqs:eu-west-1:123456789012:orders-dlq")), statements[2]));
    }

    [Fact]
    public void Filters_AreWrittenAsFilterCriteriaPatterns()
    {
        var template = Filters();

        template.ResourcePropertiesMatch("OrdersPaidOrdersEventSourceMapping", new
        {
            FilterCriteria = Match.Exact(new
            {
                Filters = new[]
                {
                    new { Pattern = """{"eventName":["INSERT"]}""" },
                    new { Pattern = """{"eventName":["MODIFY"],"dynamodb":{"NewImage":{"status":{"S":["paid","shipped"]}}}}""" },
                    new { Pattern = """{"dynamodb":{"NewImage":{"total":{"N":[{"numeric":[">",100]}]}}}}""" },
                },
            }),
        });
        Assert.Empty(template.Warnings);
    }

    [Fact]
    public void FilterOnAnImageTheStreamLacks_IsWarnedAbout()
    {
        var template = AppSynth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string" },
            PartitionKey = "customer_id",
            Stream = "keys-only",
        }).Subscribe("paid", "functions/Orders::OrderHandlers.ProcessChanges", options: new()
        {
            Filters = { StreamFilter.ForAllEvents().WhereNewImage("status", FieldType.String, "paid") },
        }));

        Assert.Equal(
            "Subscribe(\"paid\").options.Filters[0] matches on NewImage, but the table's stream (KEYS_ONLY) records no new images, so the filter never matches. Set Stream = \"new-and-old-images\", or filter on Keys.",
            Assert.Single(template.Warnings).Message);
    }

    [Fact]
    public void PythonHandlers_FromTheGuide_RunOnAPythonRuntime()
    {
        var template = AppSynth.Template(app =>
        {
            var orders = GuideTables.OrdersWithStream();

            // snippet: subscribe-python
            orders.Subscribe("process-orders", "functions/orders.process_changes", new() { Runtime = "python3.12" });
            // end snippet
        });

        template.ResourcePropertiesMatch("OrdersProcessOrdersFunction", new { Runtime = "python3.12", Handler = "orders.process_changes" });
        var asset = Assert.Single(template.Result!.Assets);
        Assert.Equal(AssetKind.PythonSource, asset.Kind);
        Assert.Equal(FixtureProject.Combine("functions"), asset.SourceDirectory);
    }

    [Fact]
    public void PythonApp_WithFunctionDefaults_NamesTheRuntimeOnce()
    {
        var template = AppSynth.Template(app =>
        {
            var orders = GuideTables.OrdersWithStream();

            // snippet: app-function-defaults
            app.FunctionDefaults = new() { Runtime = LambdaRuntime.Python312, Timeout = TimeSpan.FromSeconds(30) };
            orders.Subscribe("process-orders", "functions/orders.process_changes");
            orders.Subscribe("update-inventory", "functions/inventory.update_stock", new() { Memory = 512 });
            // end snippet
        });

        template.ResourcePropertiesMatch("OrdersProcessOrdersFunction", new { Runtime = "python3.12", Timeout = 30, MemorySize = 128 });
        template.ResourcePropertiesMatch("OrdersUpdateInventoryFunction", new { Runtime = "python3.12", Timeout = 30, MemorySize = 512 });
    }

    [Fact]
    public void GuidePythonHandler_WithoutRuntime_IsRefusedPointingToRuntime()
    {
        Assert.Equal(
            "Function 'orders-process-orders': Handler: 'functions/orders.process_changes' has no '::'. A C# handler is \"{folder}::{[Namespace.]Type.Method}\", for example \"functions/Orders::OrderHandlers.ProcessChanges\". " +
            "If this is a Python handler (\"folder/module.function\"), set Runtime = \"python3.12\".",
            PythonHandlerWithoutRuntimeError());
    }

    [Fact]
    public void SubscriptionWithLink_GetsStreamThenTableAccess()
    {
        var template = SubscriptionWithLink();

        template.ResourcePropertiesMatch("OrdersProcessOrdersPolicy", new
        {
            PolicyDocument = new
            {
                Statement = Match.Exact(new[]
                {
                    Cfn.Statement(StreamRead, Cfn.GetAtt("OrdersTable", "StreamArn")),
                    Cfn.Statement(["dynamodb:ListStreams"], Cfn.Text("*")),
                    Cfn.Statement(ReadWrite, Cfn.GetAtt("OrdersTable", "Arn")),
                    Cfn.Statement(["dynamodb:Query", "dynamodb:Scan"], Cfn.Sub("${OrdersTable.Arn}/index/*")),
                }),
            },
        });
        Assert.Equal(["STLV_ORDERS_STREAM_ARN", "STLV_ORDERS_TABLE_ARN", "STLV_ORDERS_TABLE_NAME"], Cfn.Variables(template, "OrdersProcessOrdersFunction").Select(v => v.Key));
    }

    [Fact]
    public void PartialBatchResponses_AreTurnedOnForTheInventorySubscription()
    {
        var template = AppSynth.Template(app =>
        {
            var orders = GuideTables.OrdersWithStream();

            // snippet: subscribe-partial-batch
            orders.Subscribe("update-inventory", "functions/Orders::InventoryHandlers.UpdateStock", options: new()
            {
                ReportBatchItemFailures = true,
                BisectBatchOnError = true,
                MaxRetryAttempts = 5,
            });
            // end snippet
        });

        template.ResourcePropertiesMatch("OrdersUpdateInventoryEventSourceMapping", new
        {
            FunctionResponseTypes = Match.Exact(new[] { "ReportBatchItemFailures" }),
            BisectBatchOnFunctionError = true,
            MaximumRetryAttempts = 5,
        });
    }

    [Fact]
    public void EscapeHatches_ChangeOneSubscriptionsMappingAndFunction()
    {
        var template = AppSynth.Template(app =>
        {
            var orders = GuideTables.OrdersWithStream();

            // snippet: subscription-escape-hatches
            var audit = orders.Subscribe("audit", "functions/Orders::OrderHandlers.ProcessChanges");
            audit.AddMappingPropertyOverride("TumblingWindowInSeconds", 30);
            audit.Function.AddPropertyOverride("ReservedConcurrentExecutions", 2);
            // end snippet
        });

        template.ResourcePropertiesMatch("OrdersAuditEventSourceMapping", new { TumblingWindowInSeconds = 30 });
        template.ResourcePropertiesMatch("OrdersAuditFunction", new { ReservedConcurrentExecutions = 2 });
    }

    [Fact]
    public void CustomisedTable_StillTakesSubscriptions()
    {
        var template = AppSynth.Template(app =>
        {
            // snippet: customised-table-subscription
            var orders = new DynamoTable("orders", new()
            {
                Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
                PartitionKey = "customer_id",
                SortKey = "order_date",
                Stream = "new-and-old-images",
                PropertyOverrides = { ["SSESpecification.SSEEnabled"] = true },
            });
            orders.AddPropertyOverride("TableClass", "STANDARD_INFREQUENT_ACCESS");

            orders.Subscribe("process-orders", "functions/Orders::OrderHandlers.ProcessChanges");
            // end snippet
        });

        template.ResourcePropertiesMatch("OrdersTable", new
        {
            SSESpecification = Match.Exact(new { SSEEnabled = true }),
            TableClass = "STANDARD_INFREQUENT_ACCESS",
            StreamSpecification = new { StreamViewType = "NEW_AND_OLD_IMAGES" },
        });
        template.ResourcePropertiesMatch("OrdersProcessOrdersEventSourceMapping", new { EventSourceArn = Cfn.GetAtt("OrdersTable", "StreamArn") });
    }

    internal static Template Subscribe() => AppSynth.Template(app =>
    {
        // snippet: subscribe
        // Create table with streams enabled
        var orders = new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            Stream = "new-and-old-images",
        });

        // Subscribe functions to stream changes
        orders.Subscribe("process-orders", "functions/Orders::OrderHandlers.ProcessChanges");
        orders.Subscribe("update-inventory", "functions/Orders::InventoryHandlers.UpdateStock");
        // end snippet
    });

    internal static string HandlerGivenTwiceError() => AppSynth.Error(app =>
    {
        var orders = GuideTables.OrdersWithStream();

        // snippet: subscribe-handler-twice
        orders.Subscribe(
            "process-orders",
            "functions/Orders::OrderHandlers.ProcessChanges",
            new() { Handler = "functions/Orders::InventoryHandlers.UpdateStock" });
        // end snippet
    }).Message;

    internal static string NoStreamError() => AppSynth.Error(app =>
    {
        // snippet: subscribe-without-stream
        var users = new DynamoTable("users", new() { Fields = { ["user_id"] = "string" }, PartitionKey = "user_id" });
        users.Subscribe("audit", "functions/Orders::OrderHandlers.ProcessChanges");
        // end snippet
    }).Message;

    internal static string PythonHandlerWithoutRuntimeError() => AppSynth.Error(app =>
    {
        var orders = GuideTables.OrdersWithStream();

        // snippet: subscribe-python-without-runtime
        orders.Subscribe("process-orders", "functions/orders.process_changes");
        // end snippet
    }).Message;

    internal static Template Options() => AppSynth.Template(app =>
    {
        var orders = GuideTables.OrdersWithStream();

        // snippet: subscription-options
        orders.Subscribe("ship-orders", "functions/Orders::InventoryHandlers.UpdateStock", options: new()
        {
            StartingPosition = StartingPosition.TrimHorizon,
            BatchSize = 10,
            BatchingWindow = 5,
            MaxRetryAttempts = 3,
            MaxRecordAge = TimeSpan.FromHours(1),
            BisectBatchOnError = true,
            ReportBatchItemFailures = true,
            ParallelizationFactor = 2,
            OnFailure = FailureDestination.Queue("arn:aws:sqs:eu-west-1:123456789012:orders-dlq"),
        });
        // end snippet
    });

    internal static Template Filters() => AppSynth.Template(app =>
    {
        var orders = GuideTables.OrdersWithStream();

        // snippet: subscription-filters
        orders.Subscribe("paid-orders", "functions/Orders::OrderHandlers.ProcessChanges", options: new()
        {
            Filters =
            {
                // New orders
                StreamFilter.ForEvents(StreamEventName.Insert),
                // Orders updated to paid or shipped
                StreamFilter.ForEvents(StreamEventName.Modify).WhereNewImage("status", FieldType.String, "paid", "shipped"),
                // A raw pattern, as in Lambda's event filtering documentation
                StreamFilter.Raw("""{"dynamodb": {"NewImage": {"total": {"N": [{"numeric": [">", 100]}]}}}}"""),
            },
        });
        // end snippet
    });

    internal static Template SubscriptionWithLink() => AppSynth.Template(app =>
    {
        var orders = GuideTables.OrdersWithStream();

        // snippet: subscribe-with-link
        orders.Subscribe(
            "process-orders",
            "functions/Orders::OrderHandlers.ProcessChanges",
            new() { Links = [orders] }); // table access, on top of the stream's
        // end snippet
    });
}
