using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Tests.Fixtures;

namespace Stelvio.Tests.Subscriptions;

public sealed class SubscriptionErrorsTests
{
    private const string Handler = "functions/Orders::OrderHandlers.ProcessChanges";

    [Fact]
    public void Subscribe_OnTableWithoutStream_ThrowsNamingTableAndStreamSetting()
    {
        var error = AppSynth.Error(app => GuideTables.OrdersWithoutStream().Subscribe("process-orders", Handler));

        Assert.Equal(
            "DynamoTable 'orders': Subscribe(\"process-orders\"): the table has no stream, so nothing can subscribe to it. " +
            "Enable one with Stream in the table's configuration, for example Stream = \"new-and-old-images\" (or StreamView.NewAndOldImages).",
            error.Message);
    }

    [Fact]
    public void Subscribe_TwiceWithOneName_IsRefused()
    {
        var error = AppSynth.Error(app =>
        {
            var orders = GuideTables.OrdersWithStream();
            orders.Subscribe("process-orders", Handler);
            orders.Subscribe("process-orders", "functions/Orders::InventoryHandlers.UpdateStock");
        });

        Assert.Equal("DynamoTable 'orders': Subscribe(\"process-orders\"): the table already has a subscription named 'process-orders'. Give each subscription of a table its own name.", error.Message);
    }

    [Fact]
    public void Subscribe_WithOneNameOnTwoTables_IsAllowed()
    {
        var template = AppSynth.Template(app =>
        {
            GuideTables.OrdersWithStream().Subscribe("audit", Handler);
            new DynamoTable("users", new() { Fields = { ["user_id"] = "string" }, PartitionKey = "user_id", Stream = StreamView.KeysOnly }).Subscribe("audit", Handler);
        });

        template.ResourcePropertiesMatch("OrdersAuditFunction", new { FunctionName = "shop-test-orders-audit" });
        template.ResourcePropertiesMatch("UsersAuditFunction", new { FunctionName = "shop-test-users-audit" });
    }

    [Fact]
    public void Subscribe_WithHandlerGivenTwice_IsRefused()
    {
        var error = AppSynth.Error(app => GuideTables.OrdersWithStream()
            .Subscribe("process-orders", Handler, new() { Handler = "functions/Orders::OrderHandlers.Other", Timeout = 60 }));

        Assert.Equal(
            "DynamoTable 'orders': Subscribe(\"process-orders\"): the handler is given twice: as an argument ('functions/Orders::OrderHandlers.ProcessChanges') and in the function's configuration ('functions/Orders::OrderHandlers.Other'). " +
            "Give it once: Subscribe(name, handler, new() { …other settings… }) or Subscribe(name, new FunctionConfig { Handler = …, … }).",
            error.Message);
    }

    [Fact]
    public void Subscribe_WithHandlerGivenTwiceThroughADictionary_IsRefused()
    {
        var error = AppSynth.Error(app => GuideTables.OrdersWithStream()
            .Subscribe("process-orders", Handler, new Dictionary<string, object?> { ["handler"] = "functions/Orders::OrderHandlers.Other" }));

        Assert.StartsWith("DynamoTable 'orders': Subscribe(\"process-orders\"): the handler is given twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subscribe_WithoutHandler_IsRefused()
    {
        var error = AppSynth.Error(app => GuideTables.OrdersWithStream().Subscribe("process-orders", new FunctionConfig { Timeout = 60 }));

        Assert.Equal(
            "DynamoTable 'orders': Subscribe(\"process-orders\"): no handler is given. Pass it as the second argument (Subscribe(name, \"functions/Orders::OrderHandlers.ProcessChanges\")) or as Handler in the function's configuration.",
            error.Message);
    }

    [Fact]
    public void Subscribe_WithDictionaryMissingHandler_IsRefused()
    {
        var error = AppSynth.Error(app => GuideTables.OrdersWithStream().Subscribe("dict-handler", new Dictionary<string, object?> { ["timeout"] = 30 }));

        Assert.StartsWith("DynamoTable 'orders': Subscribe(\"dict-handler\"): no handler is given.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subscribe_WithBadDictionary_NamesTheFunctionItWouldCreate()
    {
        var error = AppSynth.Error(app => GuideTables.OrdersWithStream().Subscribe("dict-handler", new Dictionary<string, object?> { ["handler"] = Handler, ["memory"] = "lots" }));

        Assert.Equal("Function 'orders-dict-handler': [\"memory\"]: must be a whole number of MB, not \"lots\".", error.Message);
    }

    [Fact]
    public void Subscribe_WithBadFunctionSettings_NamesTheFunction()
    {
        var error = AppSynth.Error(app => GuideTables.OrdersWithStream().Subscribe("process-orders", Handler, new() { Memory = 64 }));

        Assert.Equal("Function 'orders-process-orders': Memory: 64 MB is out of range; Lambda accepts 128 to 10,240 MB.", error.Message);
    }

    [Fact]
    public void Subscribe_WithMalformedHandler_NamesTheFunction()
    {
        var error = AppSynth.Error(app => GuideTables.OrdersWithStream().Subscribe("process-orders", "functions/orders.process_changes"));

        Assert.StartsWith("Function 'orders-process-orders': Handler: 'functions/orders.process_changes' has no '::'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subscribe_WithBadName_IsRefused()
    {
        var error = AppSynth.Error(app => GuideTables.OrdersWithStream().Subscribe("process orders", Handler));

        Assert.Equal(
            "DynamoTable 'orders': Subscribe(\"process orders\"): the name 'process orders' may hold only letters, digits, '-' and '_', and must start with a letter or digit (it becomes part of AWS resource names).",
            error.Message);
    }

    [Fact]
    public void Subscribe_WhoseFunctionNameIsTaken_IsRefusedByTheApp()
    {
        var error = AppSynth.Error(app =>
        {
            new Function("orders-process-orders", new() { Handler = Handler });
            GuideTables.OrdersWithStream().Subscribe("process-orders", Handler);
        });

        Assert.Equal(
            "DynamoTable 'orders': Subscribe(\"process-orders\"): the subscription's function would be named 'orders-process-orders', which Function 'orders-process-orders' already uses. Rename the subscription or that component.",
            error.Message);
    }
}
