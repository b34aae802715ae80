using Stelvio;
using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;

namespace Shop;

/// <summary>The app: what Program.cs runs, and what the tests synthesize.</summary>
public static class ShopApp
{
    /// <summary>The app's name: every resource is named <c>{app}-{stage}-…</c>, the stack <c>{app}-{stage}</c>.</summary>
    public const string Name = "stelvio-app-name";

    /// <summary>Declares the app's components.</summary>
    public static void Declare(StelvioApp app)
    {
        var orders = new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            Stream = StreamView.NewAndOldImages,
        });

#if (python)
        // A function named orders-process-orders that reads the table's stream (and only the stream).
        orders.Subscribe("process-orders", "functions/orders.process_changes", new() { Runtime = "python3.12" });

        // A function with read/write access to the table, its name in STLV_ORDERS_TABLE_NAME.
        new Function("get-order", new() { Handler = "functions/orders.get_order", Runtime = "python3.12", Links = [orders] });
#else
        // A function named orders-process-orders that reads the table's stream (and only the stream).
        orders.Subscribe("process-orders", "functions/Shop::OrderHandlers.ProcessChanges");

        // A function with read/write access to the table, its name in STLV_ORDERS_TABLE_NAME.
        new Function("get-order", new() { Handler = "functions/Shop::OrderHandlers.GetOrder", Links = [orders] });
#endif
    }
}
