using Amazon.DynamoDBv2.Model;
using Stelvio.Testing;

// Outside the Stelvio namespaces, as an app's tests are: there LocalCloud names the Stelvio.Testing class, not the
// Stelvio.LocalCloud namespace.
namespace Orders.Tests;

// snippet: testing-local-cloud
/// <summary>The example app running locally: an order written with the AWS SDK reaches the subscribed handler.</summary>
public sealed class OrdersLocalCloudTests
{
    [Fact]
    public async Task ANewOrder_IsProcessedAndRecorded()
    {
        await using var cloud = await LocalCloud.StartAsync(OrdersApp.Name, "test", OrdersApp.Declare);
        using var db = cloud.CreateDynamoDBClient();

        await db.PutItemAsync(cloud.TableName("orders"), new()
        {
            ["customer_id"] = new() { S = "c-100" },
            ["order_date"] = new() { S = "2024-11-26" },
            ["status"] = new() { S = "pending" },
        });
        await cloud.WhenIdleAsync(); // every subscription caught up, no invocation running

        var processed = Assert.Single(cloud.Invocations, i => i.Function == cloud.FunctionName("orders-process-orders"));
        Assert.Null(processed.Error);
        Assert.Contains("New order: ", processed.Logs);
        var recorded = await db.ScanAsync(new ScanRequest { TableName = cloud.TableName("order-changes") });
        Assert.Equal("INSERT", Assert.Single(recorded.Items)["event"].S);
        Assert.Empty(cloud.DeniedCalls); // process-orders is linked to order-changes, so it may write there
    }
}
// end snippet
