using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

// A client of the orders app, as any program using its tables would be: the AWS SDK with nothing local in it.
// Where the tables are (the endpoint, region and credentials, and their names) comes from the environment:
// `dev -- COMMAND` sets AWS_ENDPOINT_URL_DYNAMODB and friends and STLV_ORDERS_TABLE_NAME, as a deployed app's
// outputs would for a program run against AWS.
var ordersTable = Required("STLV_ORDERS_TABLE_NAME");
var changesTable = Required("STLV_ORDER_CHANGES_TABLE_NAME");
using var dynamo = new AmazonDynamoDBClient();

Console.WriteLine($"Orders table: {ordersTable}; what process-orders records: {changesTable}");

// Three new orders, one shipped, one cancelled: three INSERTs, a MODIFY and a REMOVE on the orders stream.
(string Customer, string Date, string Status, decimal Total)[] orders =
[
    ("c-1001", "2026-12-01T10:00:00Z", "pending", 42.50m),
    ("c-1001", "2026-12-01T11:30:00Z", "pending", 18.00m),
    ("c-2002", "2026-12-02T09:15:00Z", "pending", 99.90m),
];
var ours = orders.Select(o => $"{o.Customer}/{o.Date}").ToHashSet(StringComparer.Ordinal);
var before = (await ChangesAsync()).Count; // with dev --data, earlier runs' changes are still there
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

// The subscribed handler runs on its own, after each write: wait (up to 30 s) until it has recorded the five changes.
const int Written = 5;
var deadline = DateTime.UtcNow.AddSeconds(30);
var changes = await ChangesAsync();
while (changes.Count < before + Written && DateTime.UtcNow < deadline)
{
    await Task.Delay(100);
    changes = await ChangesAsync();
}

Console.WriteLine($"process-orders recorded {changes.Count - before} of the {Written} changes:");
foreach (var change in changes.Skip(before))
{
    var images = string.Join("  ", new[] { "old_image", "new_image" }.Where(change.ContainsKey).Select(i => $"{i[..3]}: {change[i].S}"));
    Console.WriteLine($"  {change["event"].S,-6}  {change["order"].S}  {images}");
}

return changes.Count - before == Written ? 0 : 1;

// The changes process-orders recorded for this program's orders, in stream order.
async Task<List<Dictionary<string, AttributeValue>>> ChangesAsync()
{
    var items = new List<Dictionary<string, AttributeValue>>();
    Dictionary<string, AttributeValue>? start = null;
    do
    {
        var page = await dynamo.ScanAsync(new ScanRequest { TableName = changesTable, ConsistentRead = true, ExclusiveStartKey = start });
        items.AddRange(page.Items.Where(i => ours.Contains(i["order"].S)));
        start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
    }
    while (start is not null);

    // Stream sequence numbers are decimal strings that grow: longer is later, then by digits.
    return [.. items.OrderBy(i => i["sequence"].S.Length).ThenBy(i => i["sequence"].S, StringComparer.Ordinal)];
}

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
