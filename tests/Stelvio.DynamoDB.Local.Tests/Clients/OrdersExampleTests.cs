using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Stelvio.DynamoDB.Local.Tests.Streams;

namespace Stelvio.DynamoDB.Local.Tests.Clients;

/// <summary>
/// The Orders table of examples/Orders, created from the template the example synthesizes (its
/// AWS::DynamoDB::Table properties turned into a CreateTable request), answers the guide's access patterns
/// and streams its changes with both images.
/// </summary>
public sealed class OrdersExampleTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "stelvio-orders-synth-" + Guid.NewGuid().ToString("N"));
    private LocalDynamo _db = null!;
    private AmazonDynamoDBClient _client = null!;

    public async Task InitializeAsync()
    {
        _db = await LocalDynamo.StartAsync();
        _client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig { ServiceURL = _db.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _db.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Runs the example's own synth (the built Orders program) and returns the orders table's properties.</summary>
    private async Task<JsonObject> SynthesizedOrdersTableAsync()
    {
        Directory.CreateDirectory(_folder);
        var output = Path.Combine(_folder, "out");
        await ExternalProcess.RunAsync(
            "dotnet", [Path.Combine(AppContext.BaseDirectory, "Orders.dll"), "synth", "--stage", "local", "--output", output], workingDirectory: _folder);
        var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "shop-local.template.json")))!;
        return template["Resources"]!["OrdersTable"]!["Properties"]!.AsObject();
    }

    /// <summary>
    /// A CreateTable request from AWS::DynamoDB::Table properties: the members CreateTable shares with
    /// CloudFormation are copied; CloudFormation's StreamSpecification has no StreamEnabled (a stream is on when
    /// the specification is present).
    /// </summary>
    private static JsonObject CreateTableRequest(JsonObject properties)
    {
        var request = new JsonObject();
        foreach (var member in new[] { "TableName", "AttributeDefinitions", "KeySchema", "BillingMode", "LocalSecondaryIndexes", "GlobalSecondaryIndexes", "ProvisionedThroughput", "Tags", "TableClass", "DeletionProtectionEnabled" })
        {
            if (properties[member] is { } value)
            {
                request[member] = value.DeepClone();
            }
        }
        if (properties["StreamSpecification"]?["StreamViewType"] is { } view)
        {
            request["StreamSpecification"] = new JsonObject { ["StreamEnabled"] = true, ["StreamViewType"] = view.DeepClone() };
        }
        return request;
    }

    private async Task CreateTableAsync(JsonObject request)
    {
        using var http = new HttpClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, _db.Endpoint);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810.CreateTable");
        message.Content = new StringContent(request.ToJsonString(), Encoding.UTF8);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        using var response = await http.SendAsync(message);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, AttributeValue> Order(string customer, string date, string status, int total) => new()
    {
        ["customer_id"] = new() { S = customer },
        ["order_date"] = new() { S = date },
        ["status"] = new() { S = status },
        ["total"] = new() { N = total.ToString(CultureInfo.InvariantCulture) },
    };

    [Fact]
    public async Task The_synthesized_orders_table_answers_the_guides_access_patterns_and_streams_its_changes()
    {
        var properties = await SynthesizedOrdersTableAsync();
        await CreateTableAsync(CreateTableRequest(properties));
        var table = properties["TableName"]!.GetValue<string>();
        var description = (await _client.DescribeTableAsync(table)).Table;
        Assert.Equal("NEW_AND_OLD_IMAGES", description.StreamSpecification.StreamViewType.Value);
        var streams = new StreamsWireClient(_db.Endpoint);
        var latest = await streams.LatestIteratorAsync(description.LatestStreamArn, "LATEST");

        await _client.PutItemAsync(table, Order("c1", "2026-01-01", "SHIPPED", 30));
        await _client.PutItemAsync(table, Order("c1", "2026-01-02", "PENDING", 120));
        await _client.PutItemAsync(table, Order("c1", "2026-01-05", "PENDING", 80));
        await _client.PutItemAsync(table, Order("c2", "2026-01-03", "PENDING", 200));

        // Orders of a customer in a date range.
        var byDate = await _client.QueryAsync(new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "customer_id = :c AND order_date BETWEEN :from AND :to",
            ExpressionAttributeValues = new() { [":c"] = new() { S = "c1" }, [":from"] = new() { S = "2026-01-02" }, [":to"] = new() { S = "2026-01-31" } },
        });
        Assert.Equal(["2026-01-02", "2026-01-05"], byDate.Items.Select(i => i["order_date"].S));

        // A customer's orders by status (the local index).
        var byStatus = await _client.QueryAsync(new QueryRequest
        {
            TableName = table,
            IndexName = "status-index",
            KeyConditionExpression = "customer_id = :c AND #s = :s",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":c"] = new() { S = "c1" }, [":s"] = new() { S = "PENDING" } },
        });
        Assert.Equal(["2026-01-02", "2026-01-05"], byStatus.Items.Select(i => i["order_date"].S).Order());

        // Orders by status and total (the global index), largest first.
        var byTotal = await _client.QueryAsync(new QueryRequest
        {
            TableName = table,
            IndexName = "status-total-index",
            KeyConditionExpression = "#s = :s AND #t >= :min",
            ExpressionAttributeNames = new() { ["#s"] = "status", ["#t"] = "total" },
            ExpressionAttributeValues = new() { [":s"] = new() { S = "PENDING" }, [":min"] = new() { N = "100" } },
            ScanIndexForward = false,
        });
        Assert.Equal([("c2", "200"), ("c1", "120")], byTotal.Items.Select(i => (i["customer_id"].S, i["total"].N)));

        // The stream: INSERT, MODIFY and REMOVE with both images.
        await _client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = new() { ["customer_id"] = new() { S = "c1" }, ["order_date"] = new() { S = "2026-01-02" } },
            UpdateExpression = "SET #s = :s",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":s"] = new() { S = "SHIPPED" } },
        });
        await _client.DeleteItemAsync(table, new() { ["customer_id"] = new() { S = "c1" }, ["order_date"] = new() { S = "2026-01-01" } });

        var records = await streams.RecordsAsync(latest);
        Assert.Equal(["INSERT", "INSERT", "INSERT", "INSERT", "MODIFY", "REMOVE"], records.Select(r => r!["eventName"]!.GetValue<string>()));
        var modify = records[4]!["dynamodb"]!;
        Assert.Equal("NEW_AND_OLD_IMAGES", modify["StreamViewType"]!.GetValue<string>());
        Assert.Equal("PENDING", modify["OldImage"]!["status"]!["S"]!.GetValue<string>());
        Assert.Equal("SHIPPED", modify["NewImage"]!["status"]!["S"]!.GetValue<string>());
        var remove = records[5]!["dynamodb"]!;
        Assert.Equal("30", remove["OldImage"]!["total"]!["N"]!.GetValue<string>());
        Assert.Null(remove["NewImage"]);
        Assert.Null(records[0]!["dynamodb"]!["OldImage"]);
    }
}
