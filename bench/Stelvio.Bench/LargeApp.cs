using Stelvio.Aws.DynamoDB;

namespace Stelvio.Bench;

/// <summary>The benchmark's app: many tables, each with a local and a global index, an INCLUDE projection, a stream and tags.</summary>
public static class LargeApp
{
    public static StelvioApp Declare(int tables) => StelvioApp.Declare("bench", "perf", app =>
    {
        app.Tags["team"] = "platform";
        for (var i = 0; i < tables; i++)
        {
            _ = new DynamoTable($"table-{i:0000}", new()
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
                LocalIndexes = { ["status-index"] = new LocalIndex("status") { Projections = new[] { "total", "note" } } },
                GlobalIndexes =
                {
                    ["status-total-index"] = new GlobalIndex("status", "total") { Projections = "all" },
                    ["total-index"] = new Dictionary<string, object?> { ["partition_key"] = "total", ["projections"] = new[] { "status" } },
                },
                Stream = StreamView.NewAndOldImages,
                Tags = { ["index"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            });
        }
    });
}
