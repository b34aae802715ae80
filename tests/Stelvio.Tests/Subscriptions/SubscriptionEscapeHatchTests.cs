using Stelvio.Aws.DynamoDB;
using Stelvio.Testing;
using Stelvio.Tests.Fixtures;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Subscriptions;

/// <summary>
/// Per-subscription escape hatches, and subscribing to a customised table (the original Stelvio stops
/// subscribing from working when a table is customised; here both work together).
/// </summary>
public sealed class SubscriptionEscapeHatchTests
{
    private const string Handler = "functions/Orders::OrderHandlers.ProcessChanges";

    [Fact]
    public void MappingAndFunctionOverrides_ApplyToTheirSubscriptionOnly()
    {
        var template = AppSynth.Template(app =>
        {
            var orders = GuideTables.OrdersWithStream();
            var audit = orders.Subscribe("audit", Handler);
            orders.Subscribe("ship", Handler);
            audit.AddMappingPropertyOverride("TumblingWindowInSeconds", 30).RemoveMappingPropertyOverride("MaximumBatchingWindowInSeconds");
            audit.Function.AddPropertyOverride("ReservedConcurrentExecutions", 2);
        });

        template.ResourcePropertiesMatch("OrdersAuditEventSourceMapping", new { TumblingWindowInSeconds = 30, MaximumBatchingWindowInSeconds = Match.Absent() });
        template.ResourcePropertiesMatch("OrdersShipEventSourceMapping", new { TumblingWindowInSeconds = Match.Absent(), MaximumBatchingWindowInSeconds = 0 });
        template.ResourcePropertiesMatch("OrdersAuditFunction", new { ReservedConcurrentExecutions = 2 });
        template.ResourcePropertiesMatch("OrdersShipFunction", new { ReservedConcurrentExecutions = Match.Absent() });
    }

    [Fact]
    public void CustomisedTable_StillTakesSubscriptions()
    {
        // Regression for the original's bug: customising the table must not break subscribing to it.
        var template = AppSynth.Template(app =>
        {
            var orders = GuideTables.OrdersWithStream()
                .AddPropertyOverride("SSESpecification.SSEEnabled", true)
                .AddPropertyOverride("StreamSpecification.StreamViewType", "NEW_IMAGE");
            orders.Subscribe("process-orders", Handler);
        });

        template.HasResourceProperties("AWS::DynamoDB::Table", new { SSESpecification = new { SSEEnabled = true }, StreamSpecification = new { StreamViewType = "NEW_IMAGE" } });
        template.HasResourceProperties("AWS::Lambda::EventSourceMapping", new { EventSourceArn = Cfn.GetAtt("OrdersTable", "StreamArn") });
        template.ResourcePropertiesMatch("OrdersProcessOrdersFunction", new { FunctionName = "shop-test-orders-process-orders", SSESpecification = Match.Absent() });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MappingOverride_WithABadPath_IsAConfigErrorNamingTheTableAndSubscription(bool remove)
    {
        var error = AppSynth.Error(app =>
        {
            var audit = GuideTables.OrdersWithStream().Subscribe("audit", Handler);
            _ = remove ? audit.RemoveMappingPropertyOverride("Filter..Criteria") : audit.AddMappingPropertyOverride("Filter..Criteria", 1);
        });

        Errors.Single(
            error,
            "DynamoTable 'orders'",
            $"Subscribe(\"audit\").{(remove ? "Remove" : "Add")}MappingPropertyOverride",
            "the property path 'Filter..Criteria' has an empty segment or spaces around a segment. Give a dotted path such as \"SSESpecification.SSEEnabled\".");
    }

    [Fact]
    public void SubscribedFunctionOverride_WithAnEmptyPath_IsAConfigErrorNamingTheFunction()
    {
        var error = AppSynth.Error(app => GuideTables.OrdersWithStream().Subscribe("audit", Handler).Function.AddPropertyOverride("", 1));

        Errors.Single(error, "Function 'orders-audit'", "AddPropertyOverride", "the property path is empty. Give a dotted path such as \"SSESpecification.SSEEnabled\".");
    }

    [Fact]
    public void TableOverride_RemovingTheStreamOfASubscribedTable_IsAnError()
    {
        var error = AppSynth.Error(app =>
        {
            var orders = GuideTables.OrdersWithStream().RemovePropertyOverride("StreamSpecification");
            orders.Subscribe("process-orders", Handler);
        });

        Assert.Equal(
            "DynamoTable 'orders': Subscribe(\"process-orders\"): a property override removed the table's StreamSpecification, but this subscription reads the stream. Keep the stream, or remove the subscription.",
            error.Message);
    }
}
