using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

// A client of the orders app, as any program using its tables would be: the AWS SDK with nothing local in it.
// Where the tables are (the endpoint, region and credentials, and their names) comes from the environment:
// `dev -- COMMAND` sets AWS_ENDPOINT_URL_DYNAMODB and friends and STLV_ORDERS_TABLE_NAME, as a deployed app's
// outputs would for a program run against AWS.
var ordersTable = Required("STLV_ORDERS_TABLE_NAME");
using var dynamo = new AmazonDynamoDBClient();

Console.WriteLine($"Orders table: {ordersTable}");

// Three new orders, one shipped, one cancelled: three INSERTs, a MODIFY and a REMOVE on the orders stream.
(string Customer, string Date, string Status, decimal Total)[] orders =
[
    ("c-1001", "2026-12-01T10:00:00Z", "pending", 42.50m),
    ("c-1001", "2026-12-01T11:30:00Z", "pending", 18.00m),
    ("c-2002", "2026-12-02T09:15:00Z", "pending", 99.90m),
];
foreach (var (customer, date, status, total) in orders)
{
    await dynamo.PutItemAsync(new PutItemRequest
    {
        TableName = ordersTable,
        Item = new()
        {
            ["customer_id"] = new AttributeValue { S = customer },
            ["order_date"] = new AttributeValue { S = date },
            ["status"] = new AttributeValue { S = status },
            ["total"] = new AttributeValue { N = total.ToString(CultureInfo.InvariantCulture) },
        },
    });
    Console.WriteLine($"put     {customer} {date} {status} {total.ToString(CultureInfo.InvariantCulture)}");
}

await dynamo.UpdateItemAsync(new UpdateItemRequest
{
    TableName = ordersTable,
    Key = Key("c-1001", "2026-12-01T10:00:00Z"),
    UpdateExpression = "SET #status = :shipped",
    ExpressionAttributeNames = new() { ["#status"] = "status" },
    ExpressionAttributeValues = new() { [":shipped"] = new AttributeValue { S = "shipped" } },
});
Console.WriteLine("update  c-1001 2026-12-01T10:00:00Z status=shipped");

await dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = ordersTable, Key = Key("c-2002", "2026-12-02T09:15:00Z") });
Console.WriteLine("delete  c-2002 2026-12-02T09:15:00Z");

var remaining = await dynamo.ScanAsync(new ScanRequest { TableName = ordersTable, ConsistentRead = true });
Console.WriteLine($"The orders table now holds {remaining.Count} orders.");
return 0;

static Dictionary<string, AttributeValue> Key(string customer, string date) => new()
{
    ["customer_id"] = new AttributeValue { S = customer },
    ["order_date"] = new AttributeValue { S = date },
};

static string Required(string variable) =>
    Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"{variable} is not set. Run this program under the local cloud, which sets it: " +
            "dotnet run --project examples/Orders -- dev --stage demo -- dotnet run --project examples/Orders/client");
