using Stelvio;
using Stelvio.Aws.DynamoDB;

// The guide's orders app: one table with a local and a global index and a stream.
return await StelvioApp.RunAsync(args, "shop", app =>
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
});
