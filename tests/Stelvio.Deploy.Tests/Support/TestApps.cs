using Stelvio.Aws.DynamoDB;

namespace Stelvio.Deploy.Tests.Support;

/// <summary>The apps the deploy tests deploy.</summary>
internal static class TestApps
{
    /// <summary>A folder with a Python handler, the source of <see cref="TestFunction"/>s.</summary>
    public static string FunctionSource { get; } = CreateSource();

    /// <summary>The table of examples/Orders, declared as there.</summary>
    public static DynamoTable OrdersTable() => new("orders", new()
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

    /// <summary>The example's shape: the orders table alone.</summary>
    public static void Orders(StelvioApp app) => OrdersTable();

    /// <summary>The orders table and an audit function subscribed to its stream.</summary>
    public static Action<StelvioApp> OrdersWithAudit(int memory = 256) => app =>
    {
        var orders = OrdersTable();
        _ = new TestFunction("audit", FunctionSource, memory, orders);
    };

    /// <summary>As <see cref="OrdersWithAudit"/>, plus a users table.</summary>
    public static Action<StelvioApp> OrdersWithAuditAndUsers(int memory = 256) => app =>
    {
        OrdersWithAudit(memory)(app);
        _ = new DynamoTable("users", new()
        {
            Fields = { ["user_id"] = "string", ["email"] = "string" },
            PartitionKey = "user_id",
            GlobalIndexes = { ["by-email"] = new GlobalIndex("email") { Projections = "keys-only" } },
        });
    };

    private static string CreateSource()
    {
        var folder = Path.Combine(Path.GetTempPath(), "stelvio-deploy-tests-function");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "handler.py"), "def handle(event, context):\n    return {'records': len(event.get('Records', []))}\n");
        return folder;
    }
}
