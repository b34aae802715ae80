using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;
using Stelvio.DynamoDB.Local.Tests.Support;

namespace Stelvio.DynamoDB.Local.Tests.Sdk;

/// <summary>The SDK's higher-level APIs (Document model and DynamoDBContext) work against the engine unchanged.</summary>
[Collection(LocalDynamoCollection.Name)]
public sealed class DocumentModelTests(LocalDynamoFixture fixture)
{
    private AmazonDynamoDBClient Client => fixture.Client;

    [Fact]
    public async Task The_document_model_puts_gets_and_queries()
    {
        var name = await Tables.CreateAsync(Client, range: true, rangeType: "N");
        var table = new TableBuilder(Client, name).AddHashKey("pk", DynamoDBEntryType.String).AddRangeKey("sk", DynamoDBEntryType.Numeric).Build();
        var document = new Document { ["pk"] = "customer-1", ["sk"] = 2, ["total"] = 12.5m, ["tags"] = new PrimitiveList(DynamoDBEntryType.String) };
        document["nested"] = new Document { ["city"] = "Turin" };
        await table.PutItemAsync(document);
        await table.PutItemAsync(new Document { ["pk"] = "customer-1", ["sk"] = 1, ["total"] = 3 });

        var loaded = await table.GetItemAsync("customer-1", 2);
        Assert.Equal(12.5m, loaded["total"].AsDecimal());
        Assert.Equal("Turin", loaded["nested"].AsDocument()["city"].AsString());

        var search = table.Query("customer-1", new QueryFilter("sk", QueryOperator.GreaterThan, 0));
        var all = await search.GetRemainingAsync();
        Assert.Equal([1, 2], all.Select(d => d["sk"].AsInt()));
    }

    [Fact]
    public async Task DynamoDBContext_round_trips_an_object()
    {
        var name = await Tables.CreateAsync(Client, range: true, rangeType: "S");
        var context = new DynamoDBContextBuilder().WithDynamoDBClient(() => Client).Build();
        var config = new SaveConfig { OverrideTableName = name };
        var order = new Order
        {
            Customer = "c-1",
            OrderId = "2026-12-02#1",
            Total = 42.75m,
            Status = "NEW",
            Lines = [new OrderLine { Sku = "A", Quantity = 2 }, new OrderLine { Sku = "B", Quantity = 1 }],
            Labels = ["gift", "rush"],
            PlacedAt = new DateTime(2026, 12, 2, 9, 30, 0, DateTimeKind.Utc),
        };
        await context.SaveAsync(order, config);
        var loaded = await context.LoadAsync<Order>("c-1", "2026-12-02#1", new LoadConfig { OverrideTableName = name, ConsistentRead = true });
        Assert.Equal(order.Total, loaded.Total);
        Assert.Equal(order.Status, loaded.Status);
        Assert.Equal(["A", "B"], loaded.Lines.Select(l => l.Sku));
        Assert.Equal(2, loaded.Lines[0].Quantity);
        Assert.Equal(order.Labels.Order(), loaded.Labels.Order());
        Assert.Equal(order.PlacedAt, loaded.PlacedAt.ToUniversalTime());

        var found = await context.QueryAsync<Order>("c-1", new QueryConfig { OverrideTableName = name }).GetRemainingAsync();
        Assert.Single(found);
        await context.DeleteAsync(loaded, new DeleteConfig { OverrideTableName = name });
        Assert.Null(await context.LoadAsync<Order>("c-1", "2026-12-02#1", new LoadConfig { OverrideTableName = name, ConsistentRead = true }));
    }

    [DynamoDBTable("orders")]
    public sealed class Order
    {
        [DynamoDBHashKey("pk")]
        public string Customer { get; set; } = "";

        [DynamoDBRangeKey("sk")]
        public string OrderId { get; set; } = "";

        public decimal Total { get; set; }

        public string Status { get; set; } = "";

        public List<OrderLine> Lines { get; set; } = [];

        public HashSet<string> Labels { get; set; } = [];

        public DateTime PlacedAt { get; set; }
    }

    public sealed class OrderLine
    {
        public string Sku { get; set; } = "";

        public int Quantity { get; set; }
    }
}
