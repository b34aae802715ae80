using System.Text;
using System.Text.Json;
using Stelvio.DynamoDB.Local;

namespace Stelvio.Lambda.Tests.Examples;

/// <summary>
/// A local DynamoDB with the example's order-changes table, and this process's environment set as the local cloud sets a
/// function's (endpoint, region, credentials, the link's table name), so the handlers' AWS SDK client writes there.
/// </summary>
public sealed class OrderChangesTable : IAsyncLifetime
{
    public const string TableName = "shop-test-order-changes";

    private LocalDynamo db = null!;

    public async Task InitializeAsync()
    {
        db = await LocalDynamo.StartAsync();
        db.Engine.Invoke("CreateTable", Encoding.UTF8.GetBytes($$"""
            {"TableName":"{{TableName}}","BillingMode":"PAY_PER_REQUEST",
             "AttributeDefinitions":[{"AttributeName":"order","AttributeType":"S"},{"AttributeName":"sequence","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"order","KeyType":"HASH"},{"AttributeName":"sequence","KeyType":"RANGE"}]}
            """));
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB", db.Endpoint.ToString());
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "local");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "local");
        Environment.SetEnvironmentVariable("STLV_ORDER_CHANGES_TABLE_NAME", TableName);
    }

    /// <summary>The recorded changes of one order, in stream order, as attribute name → string value.</summary>
    public List<Dictionary<string, string>> Items(string order)
    {
        var response = db.Engine.Invoke("Query", JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["TableName"] = TableName,
            ["KeyConditionExpression"] = "#o = :o",
            ["ExpressionAttributeNames"] = new Dictionary<string, string> { ["#o"] = "order" },
            ["ExpressionAttributeValues"] = new Dictionary<string, object> { [":o"] = new Dictionary<string, string> { ["S"] = order } },
        }));
        using var document = JsonDocument.Parse(response);
        return document.RootElement.GetProperty("Items").EnumerateArray()
            .Select(item => item.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("S").GetString()!))
            .ToList();
    }

    public async Task DisposeAsync() => await db.DisposeAsync();
}

/// <summary>The test classes whose handlers write to the one <see cref="OrderChangesTable"/> (the environment is the process's).</summary>
[CollectionDefinition(Name)]
public sealed class OrderChangesCollection : ICollectionFixture<OrderChangesTable>
{
    public const string Name = "order-changes table";
}
