using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;

namespace Stelvio.LocalCloud.Tests.EndToEnd;

/// <summary>Small apps with Python handlers (EndToEnd/PythonApp/functions, copied beside the tests): they start in a moment, with no build.</summary>
internal static class PythonApps
{
    /// <summary>The folder the apps' handler paths are relative to, as copied to the test output.</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "EndToEnd", "PythonApp");

    /// <summary>The guide's orders table and its <c>process_changes</c> subscription, in Python.</summary>
    public static void GuideOrders(StelvioApp app)
    {
        var orders = new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            Stream = StreamView.NewAndOldImages,
        });
        orders.Subscribe("process-orders", new FunctionConfig { Handler = "functions/orders.process_changes", Runtime = "python3.12" });
    }

    /// <summary>A function linked to <c>allowed</c> that also tries to write <c>other</c>, which it is not linked to.</summary>
    public static void Writer(StelvioApp app)
    {
        var allowed = new DynamoTable("allowed", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });
        _ = new DynamoTable("other", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });
        new Function("writer", new() { Handler = "functions/writer.handler", Runtime = "python3.12", Links = [allowed] });
    }

    /// <summary>A function answering its version, for swapping its code while the cloud runs.</summary>
    public static void Versioned(StelvioApp app) =>
        new Function("version", new() { Handler = "functions/version.handler", Runtime = "python3.12" });

    /// <summary>A function that sleeps as long as its event says, and a table named with a leading digit.</summary>
    public static void Slow(StelvioApp app)
    {
        _ = new DynamoTable("3d-models", new() { Fields = { ["id"] = "string" }, PartitionKey = "id", Stream = StreamView.KeysOnly });
        new Function("slow", new() { Handler = "functions/slow.handler", Runtime = "python3.12", Timeout = TimeSpan.FromSeconds(10) });
    }
}
