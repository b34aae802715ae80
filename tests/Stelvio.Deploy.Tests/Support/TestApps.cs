using Stelvio.Aws.DynamoDB;

namespace Stelvio.Deploy.Tests.Support;

/// <summary>The apps the deploy tests deploy.</summary>
internal static class TestApps
{
    /// <summary>The test apps' project folder (Fixtures/App in the build output): it holds <c>handlers/audit.py</c>.</summary>
    public static string ProjectDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "App");

    /// <summary>Synthesizes <paramref name="declare"/> as app <c>shop</c> in <see cref="ProjectDirectory"/>.</summary>
    public static SynthResult Synth(string stage, Action<StelvioApp> declare) => StelvioApp.Declare("shop", stage, declare, ProjectDirectory).Synth();

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

    /// <summary>The orders table and a Python function, <c>orders-audit</c>, subscribed to its stream.</summary>
    public static Action<StelvioApp> OrdersWithAudit(int memory = 256) => app =>
    {
        var orders = OrdersTable();
        orders.Subscribe("audit", "handlers/audit.handle", new() { Runtime = "python3.12", Memory = memory });
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

    /// <summary>
    /// An app at CloudFormation's resource quota: 70 streamed tables with a Python subscription each (table, function,
    /// role, policy, mapping), 30 functions (function, role) and 80 plain tables, 490 resources. With an output per
    /// table name, ARN and stream ARN and per function name it would have needed 470 of the 200 outputs allowed.
    /// </summary>
    public static void AtTheResourceLimit(StelvioApp app)
    {
        for (var i = 0; i < 70; i++)
        {
            new DynamoTable($"s{i}", new() { Fields = { ["id"] = "string" }, PartitionKey = "id", Stream = StreamView.KeysOnly })
                .Subscribe("sub", "handlers/audit.handle", new() { Runtime = "python3.12" });
        }

        for (var i = 0; i < 30; i++)
        {
            _ = new Stelvio.Aws.Lambda.Function($"f{i}", new() { Handler = "handlers/audit.handle", Runtime = "python3.12" });
        }

        for (var i = 0; i < 80; i++)
        {
            _ = new DynamoTable($"t{i}", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });
        }
    }

    /// <summary>Ten small tables and long app tags: a template over CloudFormation's 51,200-byte inline limit.</summary>
    public static void Large(StelvioApp app)
    {
        for (var i = 0; i < 30; i++)
        {
            app.Tags[$"note-{i}"] = new string('x', 200);
        }

        for (var i = 0; i < 10; i++)
        {
            _ = new DynamoTable($"t{i}", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });
        }
    }
}
