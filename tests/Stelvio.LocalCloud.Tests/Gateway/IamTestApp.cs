using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stelvio.DynamoDB.Local;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Tests.Gateway;

/// <summary>
/// A small app for the IAM tests, built as the materializer would hand it over: tables created in the engine and
/// two functions whose roles carry resolved policy documents.
/// <list type="bullet">
/// <item><c>writer</c>: item actions on <c>orders</c> (not its indexes), <c>dynamodb:Get*</c> on <c>secret</c>, everything on
/// <c>audit</c> but an explicit Deny of <c>dynamodb:DeleteItem</c>.</item>
/// <item><c>reader</c>: Query on <c>orders</c> and its indexes, the stream actions on its stream, <c>lambda:InvokeFunction</c> on <c>writer</c>.</item>
/// <item><c>tenant</c>: item reads and writes on <c>orders</c> whose partition key is <c>tenant-a</c> (<c>dynamodb:LeadingKeys</c>).</item>
/// </list>
/// </summary>
internal static class IamTestApp
{
    public const string Region = "us-east-1";
    public const string Account = "000000000000";

    public static string TableArn(string name) => $"arn:aws:dynamodb:{Region}:{Account}:table/{name}";

    public static string FunctionArn(string name) => $"arn:aws:lambda:{Region}:{Account}:function:{name}";

    public static LocalApp Create(DynamoEngine engine)
    {
        var ordersStream = CreateTable(engine, "orders", withIndexAndStream: true)!;
        CreateTable(engine, "audit", withIndexAndStream: false);
        CreateTable(engine, "secret", withIndexAndStream: false);
        var tables = new[]
        {
            new LocalTable("OrdersTable", "orders", TableArn("orders"), ordersStream),
            new LocalTable("AuditTable", "audit", TableArn("audit"), null),
            new LocalTable("SecretTable", "secret", TableArn("secret"), null),
        };
        var writerPolicy = Document(
            Allow(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable"], TableArn("orders")),
            Allow(["dynamodb:get*"], TableArn("secret")),
            Allow(["dynamodb:*"], TableArn("audit")),
            new JsonObject { ["Effect"] = "Deny", ["Action"] = "dynamodb:DeleteItem", ["Resource"] = TableArn("audit") });
        var readerPolicy = Document(
            Allow(["dynamodb:Query"], TableArn("orders"), TableArn("orders") + "/index/*"),
            Allow(["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"], ordersStream),
            Allow(["dynamodb:ListStreams"], "*"),
            Allow(["lambda:InvokeFunction"], FunctionArn("writer")));
        var tenantStatement = Allow(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"], TableArn("orders"));
        tenantStatement["Condition"] = new JsonObject { ["ForAllValues:StringEquals"] = new JsonObject { ["dynamodb:LeadingKeys"] = new JsonArray("tenant-a") } };
        var roles = new[]
        {
            Role("WriterRole", "app-writer-role", writerPolicy),
            Role("ReaderRole", "app-reader-role", readerPolicy),
            Role("TenantRole", "app-tenant-role", Document(tenantStatement)),
        };
        var functions = new[] { Function("writer", roles[0]), Function("reader", roles[1]), Function("tenant", roles[2]) };
        return new LocalApp(Region, Account, tables, functions, roles, [], []);
    }

    private static LocalRole Role(string logicalId, string name, JsonObject policy) =>
        new(logicalId, name, $"arn:aws:iam::{Account}:role/{name}", [new LocalPolicy(logicalId + "Policy", logicalId + "Policy", policy)], [$"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]);

    private static LocalFunction Function(string name, LocalRole role) =>
        new(char.ToUpperInvariant(name[0]) + name[1..] + "Function", name, FunctionArn(name), "python3.12", "handler.main", 128, TimeSpan.FromSeconds(3), "x86_64", new Dictionary<string, string>(), role.Arn, name + ".zip", null);

    private static JsonObject Allow(string[] actions, params string[] resources) => new()
    {
        ["Effect"] = "Allow",
        ["Action"] = new JsonArray([.. actions.Select(a => (JsonNode)a)]),
        ["Resource"] = new JsonArray([.. resources.Select(r => (JsonNode)r)]),
    };

    private static JsonObject Document(params JsonObject[] statements) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray([.. statements]),
    };

    private static string? CreateTable(DynamoEngine engine, string name, bool withIndexAndStream)
    {
        var request = new JsonObject
        {
            ["TableName"] = name,
            ["BillingMode"] = "PAY_PER_REQUEST",
            ["KeySchema"] = new JsonArray(new JsonObject { ["AttributeName"] = "pk", ["KeyType"] = "HASH" }),
            ["AttributeDefinitions"] = new JsonArray(new JsonObject { ["AttributeName"] = "pk", ["AttributeType"] = "S" }),
        };
        if (withIndexAndStream)
        {
            request["AttributeDefinitions"]!.AsArray().Add(new JsonObject { ["AttributeName"] = "customer", ["AttributeType"] = "S" });
            request["GlobalSecondaryIndexes"] = new JsonArray(new JsonObject
            {
                ["IndexName"] = "byCustomer",
                ["KeySchema"] = new JsonArray(new JsonObject { ["AttributeName"] = "customer", ["KeyType"] = "HASH" }),
                ["Projection"] = new JsonObject { ["ProjectionType"] = "ALL" },
            });
            request["StreamSpecification"] = new JsonObject { ["StreamEnabled"] = true, ["StreamViewType"] = "NEW_AND_OLD_IMAGES" };
        }
        var response = engine.Invoke("CreateTable", Encoding.UTF8.GetBytes(request.ToJsonString()));
        using var document = JsonDocument.Parse(response);
        return document.RootElement.GetProperty("TableDescription").TryGetProperty("LatestStreamArn", out var stream) ? stream.GetString() : null;
    }
}
