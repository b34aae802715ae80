using System.Numerics;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Stelvio.Local;
using Stelvio.Testing;

namespace Stelvio.LocalCloud.Tests.EndToEnd;

/// <summary>
/// The example app end to end: orders written, updated and deleted with the AWS SDK; the subscribed C# handler gets
/// INSERT, MODIFY and REMOVE with exactly the images of the stream view (NEW_AND_OLD_IMAGES) and records them in the
/// linked order-changes table, which the test reads back.
/// </summary>
[Collection(OrdersCollection.Name)]
public class OrdersEndToEndTests(OrdersCloud fixture)
{
    private readonly Testing.LocalCloud cloud = fixture.Cloud;

    [Fact]
    public async Task WritesUpdatesAndDeletes_AreSeenByTheSubscribedHandler_WithTheImagesOfTheView()
    {
        using var db = cloud.CreateDynamoDBClient();
        var orders = cloud.TableName("orders");
        var key = new Dictionary<string, AttributeValue> { ["customer_id"] = new() { S = "c-e2e" }, ["order_date"] = new() { S = "2024-11-26" } };

        await db.PutItemAsync(orders, new Dictionary<string, AttributeValue>(key) { ["status"] = new() { S = "pending" }, ["total"] = new() { N = "42.5" } });
        await db.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = orders,
            Key = key,
            UpdateExpression = "SET #s = :s",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":s"] = new() { S = "shipped" } },
        });
        await db.DeleteItemAsync(orders, key);
        await cloud.WhenIdleAsync();

        var seen = await db.QueryAsync(new QueryRequest
        {
            TableName = cloud.TableName("order-changes"),
            KeyConditionExpression = "#o = :o",
            ExpressionAttributeNames = new() { ["#o"] = "order" },
            ExpressionAttributeValues = new() { [":o"] = new() { S = "c-e2e/2024-11-26" } },
        });
        var changes = seen.Items.OrderBy(i => BigInteger.Parse(i["sequence"].S, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        const string Keys = """{"customer_id":{"S":"c-e2e"},"order_date":{"S":"2024-11-26"}}""";
        const string Pending = """{"customer_id":{"S":"c-e2e"},"order_date":{"S":"2024-11-26"},"status":{"S":"pending"},"total":{"N":"42.5"}}""";
        const string Shipped = """{"customer_id":{"S":"c-e2e"},"order_date":{"S":"2024-11-26"},"status":{"S":"shipped"},"total":{"N":"42.5"}}""";
        Assert.Equal(["INSERT", "MODIFY", "REMOVE"], changes.Select(c => c["event"].S));
        AssertChange(changes[0], Keys, newImage: Pending, oldImage: null);
        AssertChange(changes[1], Keys, newImage: Shipped, oldImage: Pending);
        AssertChange(changes[2], Keys, newImage: null, oldImage: Shipped);

        var processOrders = cloud.FunctionName("orders-process-orders");
        var delivered = cloud.Invocations.Where(i => i.Function == processOrders && i.Event.Contains("c-e2e", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(delivered);
        Assert.All(delivered, i =>
        {
            Assert.Equal("stream", i.Trigger);
            Assert.Null(i.Error);
        });
        Assert.Equal(3, delivered.Sum(i => i.RecordCount));
        Assert.Contains(cloud.Invocations, i => i.Function == cloud.FunctionName("orders-update-inventory") && i.Event.Contains("c-e2e", StringComparison.Ordinal) && i.Error is null);
        Assert.Empty(cloud.DeniedCalls);
    }

    [Fact]
    public async Task InvokingTheLinkedFunction_AnswersWithTheTableNameItsLinkGives()
    {
        var invocation = await cloud.InvokeAsync("process-user", """{"user_id":"u-1"}""");

        Assert.Null(invocation.Error);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"table":"shop-test-users","user_id":"u-1"}"""), JsonNode.Parse(invocation.Result)), invocation.Result);
        Assert.Equal("test", invocation.Trigger);
        Assert.Contains("Users table: shop-test-users", invocation.Logs, StringComparison.Ordinal);
        Assert.Contains(cloud.Invocations, i => i.Function == "shop-test-process-user" && i.Event == """{"user_id":"u-1"}""");
    }

    [Fact]
    public void TheLocalBuild_SaysWhenItIsNotTheDeploysNativeAot()
    {
        var aot = LocalToolchain.Detect().NativeAotToolchain;

        Assert.Equal(!aot, cloud.NotRunLocally.Any(n => n.Contains("runs locally as a JIT build", StringComparison.Ordinal)));
        Assert.Equal("shop-test-orders", cloud.Environment["STLV_ORDERS_TABLE_NAME"]);
        Assert.Equal(cloud.Endpoint.ToString().TrimEnd('/'), cloud.Environment["AWS_ENDPOINT_URL_DYNAMODB"]);
    }

    private static void AssertChange(Dictionary<string, AttributeValue> change, string keys, string? newImage, string? oldImage)
    {
        AssertJson(keys, change["keys"].S);
        Assert.Equal(newImage is not null, change.ContainsKey("new_image"));
        Assert.Equal(oldImage is not null, change.ContainsKey("old_image"));
        if (newImage is not null)
        {
            AssertJson(newImage, change["new_image"].S);
        }

        if (oldImage is not null)
        {
            AssertJson(oldImage, change["old_image"].S);
        }
    }

    private static void AssertJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}, got {actual}");
}
