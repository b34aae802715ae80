using System.Text.Json;
using Orders.Functions;
using Stelvio.Lambda.Events.DynamoDB;
using Stelvio.Lambda.Serialization;
using Stelvio.Lambda.Tests.Support;

namespace Stelvio.Lambda.Tests.Examples;

/// <summary>
/// The example's handlers (examples/Orders/functions/Orders), called directly; ProcessChanges records what it saw in
/// the order-changes table of a local DynamoDB (<see cref="OrderChangesTable"/>).
/// </summary>
[Collection(OrderChangesCollection.Name)]
public class OrdersFunctionsTests(OrderChangesTable changes)
{
    private const string Pending = """{"customer_id":{"S":"c-100"},"order_date":{"S":"2024-11-26"},"status":{"S":"pending"},"total":{"N":"42.5"}}""";
    private const string Shipped = """{"customer_id":{"S":"c-100"},"order_date":{"S":"2024-11-26"},"status":{"S":"shipped"},"total":{"N":"42.5"}}""";

    [Fact]
    public async Task ProcessChanges_LogsEachKindOfChangeAsTheGuideDoes()
    {
        var context = new TestLambdaContext();

        await OrderHandlers.ProcessChanges(Batch("dynamodb-insert.json", "dynamodb-modify.json", "dynamodb-remove.json"), context);

        Assert.Equal(
        [
            $"INFO New order: {Pending}",
            $"INFO Order updated: {Pending} -> {Shipped}",
            $"INFO Order deleted: {Shipped}",
        ], context.Lines);
        var recorded = changes.Items("c-100/2024-11-26");
        Assert.Equal(["INSERT", "MODIFY", "REMOVE"], recorded.Select(r => r["event"]));
        Assert.Equal([Pending, Shipped, null], recorded.Select(r => r.GetValueOrDefault("new_image")));
        Assert.Equal([null, Pending, Shipped], recorded.Select(r => r.GetValueOrDefault("old_image")));
    }

    [Fact]
    public async Task ProcessChanges_OnKeysOnlyStream_SaysTheImageIsMissing()
    {
        var context = new TestLambdaContext();
        var e = Batch("dynamodb-ttl-all-types.json");

        await OrderHandlers.ProcessChanges(new DynamoDBEvent { Records = [e.Records[1]] }, context);

        Assert.Equal(["INFO New order: (not in the stream view)"], context.Lines);
    }

    [Fact]
    public async Task UpdateStock_ReportsRecordsWithoutAnOrderKeyAsFailed()
    {
        var context = new TestLambdaContext();

        var response = await InventoryHandlers.UpdateStock(Batch("dynamodb-insert.json", "dynamodb-ttl-all-types.json", "dynamodb-remove.json"), context);

        Assert.Equal(["444400000000000000004", "555500000000000000005"], response.BatchItemFailures.Select(f => f.ItemIdentifier));
        Assert.Equal(
        [
            "INFO Stock reserved for order c-100/2024-11-26",
            "WARN Record a87ff679a2f3e71d9181a67b7542122c has no order key; reporting it as failed.",
            "WARN Record e4da3b7fbbce2345d7772b0674a318d5 has no order key; reporting it as failed.",
            "INFO Stock released for order c-100/2024-11-26",
        ], context.Lines);
    }

    [Fact]
    public async Task UsersHandle_AnswersWithTheLinkedTableName()
    {
        var context = new TestLambdaContext();
        Environment.SetEnvironmentVariable(UserHandlers.TableNameVariable, "shop-test-users");
        try
        {
            using var request = JsonDocument.Parse("""{"user_id":"u-1"}""");

            var result = await UserHandlers.Handle(request.RootElement, context);

            Assert.Equal(new UserResult("shop-test-users", "u-1"), result);
            Assert.Equal(["INFO Users table: shop-test-users"], context.Lines);
        }
        finally
        {
            Environment.SetEnvironmentVariable(UserHandlers.TableNameVariable, null);
        }
    }

    internal static DynamoDBEvent Batch(params string[] fixtures) => new()
    {
        Records = fixtures.SelectMany(f => JsonSerializer.Deserialize(Fixtures.Read(f), LambdaJsonContext.Default.DynamoDBEvent)!.Records).ToList(),
    };
}
