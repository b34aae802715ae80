using Stelvio;
using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;

namespace Orders;

/// <summary>
/// The orders app: the orders table with both indexes and a stream, two functions subscribed to its stream (one
/// records what it saw in the linked order-changes table), and a users table linked to a function. The C# handlers
/// live in functions/Orders. Program.cs runs it; tests synthesize it and run it locally.
/// </summary>
public static class OrdersApp
{
    /// <summary>The app's name: resources are named <c>shop-{stage}-…</c>, the stack <c>shop-{stage}</c>.</summary>
    public const string Name = "shop";

    /// <summary>Declares the app's tables and functions.</summary>
    public static void Declare(StelvioApp app)
    {
        var orders = new DynamoTable("orders", new()
        {
            Fields =
            {
                ["customer_id"] = "string",
                ["order_date"] = "string",
                ["status"] = "string",
                ["total"] = FieldType.Number,
            },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            LocalIndexes = { ["status-index"] = new LocalIndex("status") },
            GlobalIndexes = { ["status-total-index"] = new GlobalIndex("status", "total") { Projections = "all" } },
            Stream = StreamView.NewAndOldImages,
        });

        // What process-orders saw: one item per stream record (the order, the event, its keys and images).
        var changes = new DynamoTable("order-changes", new()
        {
            Fields = { ["order"] = "string", ["sequence"] = "string" },
            PartitionKey = "order",
            SortKey = "sequence",
        });

        // Stream subscriptions: each is a function named orders-{name} that can read the stream (and only the stream).
        // A subscription that also writes a table links it, as any function does.
        orders.Subscribe("process-orders", new FunctionConfig { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [changes] });
        // UpdateStock reports the records it failed, so Lambda retries from the first of them, not the whole batch.
        orders.Subscribe("update-inventory", "functions/Orders::InventoryHandlers.UpdateStock", options: new() { ReportBatchItemFailures = true });

        // Linking: process-user gets read/write access to users and its name and ARN as STLV_USERS_TABLE_NAME/_ARN.
        var users = new DynamoTable("users", new()
        {
            Fields = { ["user_id"] = "string" },
            PartitionKey = "user_id",
        });
        new Function("process-user", new() { Handler = "functions/Orders::UserHandlers.Handle", Links = [users] });
    }
}
