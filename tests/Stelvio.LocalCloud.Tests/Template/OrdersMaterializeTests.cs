using System.Text.Json.Nodes;
using Orders;
using Stelvio.DynamoDB.Local;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Tests.Template;

/// <summary>The example app (examples/Orders) materialized: every table, function, role and mapping, property by property.</summary>
public sealed class OrdersMaterializeTests : IDisposable
{
    private const string Account = "000000000000";
    private readonly DynamoEngine engine = new();
    private readonly byte[] template = TestApps.Synth(OrdersApp.Declare);
    private readonly LocalApp app;

    public OrdersMaterializeTests() => app = TemplateMaterializer.Materialize(template, engine, TestApps.StackName);

    public void Dispose() => engine.Dispose();

    [Fact]
    public void App_IsInTheLocalRegionAndAccount_AndRunsEverything()
    {
        Assert.Equal("us-east-1", app.Region);
        Assert.Equal(Account, app.AccountId);
        Assert.Empty(app.NotRunLocally);
    }

    [Fact]
    public void Tables_AreCreatedInTheEngine_WithTheirPhysicalNamesKeysIndexesAndStream()
    {
        Assert.Equal(["OrdersTable", "OrderChangesTable", "UsersTable"], app.Tables.Select(t => t.LogicalId));
        var orders = app.Tables[0];
        Assert.Equal("shop-test-orders", orders.TableName);
        Assert.Equal($"arn:aws:dynamodb:us-east-1:{Account}:table/shop-test-orders", orders.Arn);

        var described = TestApps.Describe(engine, "shop-test-orders");
        Assert.Equal(orders.Arn, (string?)described["TableArn"]);
        Assert.Equal(orders.StreamArn, (string?)described["LatestStreamArn"]);
        Assert.StartsWith(orders.Arn + "/stream/", orders.StreamArn);
        Assert.Equal("NEW_AND_OLD_IMAGES", (string?)described["StreamSpecification"]!["StreamViewType"]);
        Assert.Equal("PAY_PER_REQUEST", (string?)described["BillingModeSummary"]!["BillingMode"]);
        Assert.Equal("""[{"AttributeName":"customer_id","KeyType":"HASH"},{"AttributeName":"order_date","KeyType":"RANGE"}]""", described["KeySchema"]!.ToJsonString());
        var lsi = described["LocalSecondaryIndexes"]!.AsArray().Single()!;
        Assert.Equal("status-index", (string?)lsi["IndexName"]);
        Assert.Equal("status", (string?)lsi["KeySchema"]![1]!["AttributeName"]);
        Assert.Equal("KEYS_ONLY", (string?)lsi["Projection"]!["ProjectionType"]);
        var gsi = described["GlobalSecondaryIndexes"]!.AsArray().Single()!;
        Assert.Equal("status-total-index", (string?)gsi["IndexName"]);
        Assert.Equal("""[{"AttributeName":"status","KeyType":"HASH"},{"AttributeName":"total","KeyType":"RANGE"}]""", gsi["KeySchema"]!.ToJsonString());
        Assert.Equal("ALL", (string?)gsi["Projection"]!["ProjectionType"]);
        var tags = TestApps.Call(engine, "ListTagsOfResource", new JsonObject { ["ResourceArn"] = orders.Arn })["Tags"]!;
        Assert.Equal("""[{"Key":"stelvio:app","Value":"shop"},{"Key":"stelvio:stage","Value":"test"}]""", tags.ToJsonString());

        Assert.Equal("shop-test-order-changes", app.Tables[1].TableName);
        var users = app.Tables[2];
        Assert.Equal("shop-test-users", users.TableName);
        Assert.Null(users.StreamArn);
        Assert.Null(TestApps.Describe(engine, "shop-test-users")["StreamSpecification"]);
    }

    [Fact]
    public void Functions_CarryTheirSettings_WithLinkValuesResolved()
    {
        Assert.Equal(["OrdersProcessOrdersFunction", "OrdersUpdateInventoryFunction", "ProcessUserFunction"], app.Functions.Select(f => f.LogicalId));
        var codeKeys = JsonNode.Parse(template)!["Resources"]!.AsObject()
            .Where(r => (string?)r.Value!["Type"] == "AWS::Lambda::Function")
            .ToDictionary(r => r.Key, r => (string?)r.Value!["Properties"]!["Code"]!["S3Key"]);

        var process = app.Functions[0];
        Assert.Equal("shop-test-orders-process-orders", process.Name);
        Assert.Equal($"arn:aws:lambda:us-east-1:{Account}:function:shop-test-orders-process-orders", process.Arn);
        Assert.Equal("provided.al2023", process.Runtime);
        Assert.Equal("OrderHandlers.ProcessChanges", process.Handler);
        Assert.Equal(128, process.MemorySize);
        Assert.Equal(TimeSpan.FromSeconds(60), process.Timeout);
        Assert.Equal("x86_64", process.Architecture);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["STLV_ORDER_CHANGES_TABLE_ARN"] = $"arn:aws:dynamodb:us-east-1:{Account}:table/shop-test-order-changes",
                ["STLV_ORDER_CHANGES_TABLE_NAME"] = "shop-test-order-changes",
            },
            process.Environment);
        Assert.Equal(app.Roles.Single(r => r.LogicalId == "OrdersProcessOrdersRole").Arn, process.RoleArn);
        Assert.Equal(codeKeys["OrdersProcessOrdersFunction"], process.CodeKey);
        Assert.Null(process.ReservedConcurrency);

        var user = app.Functions[2];
        Assert.Equal("shop-test-process-user", user.Name);
        Assert.Equal("UserHandlers.Handle", user.Handler);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["STLV_USERS_TABLE_ARN"] = $"arn:aws:dynamodb:us-east-1:{Account}:table/shop-test-users",
                ["STLV_USERS_TABLE_NAME"] = "shop-test-users",
            },
            user.Environment);
    }

    [Fact]
    public void Roles_HaveGeneratedNames_AndTheirPoliciesResolved()
    {
        Assert.Equal(["OrdersProcessOrdersRole", "OrdersUpdateInventoryRole", "ProcessUserRole"], app.Roles.Select(r => r.LogicalId));
        var role = app.Roles[0];
        Assert.Matches("^shop-test-OrdersProcessOrdersRole-[A-Z0-9]{12}$", role.Name);
        Assert.Equal($"arn:aws:iam::{Account}:role/{role.Name}", role.Arn);
        Assert.Equal(["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"], role.ManagedPolicyArns);
        var policy = Assert.Single(role.Policies);
        Assert.Equal("OrdersProcessOrdersPolicy", policy.Name);
        Assert.Equal("OrdersProcessOrdersPolicy", policy.Source);
        Assert.Equal(app.Tables[0].StreamArn, (string?)policy.Document["Statement"]![0]!["Resource"]![0]);
        Assert.Equal("dynamodb:ListStreams", (string?)policy.Document["Statement"]![1]!["Action"]![0]);

        var users = app.Roles[2].Policies.Single().Document["Statement"]!;
        Assert.Equal(app.Tables[2].Arn, (string?)users[0]!["Resource"]![0]);
        Assert.Equal(app.Tables[2].Arn + "/index/*", (string?)users[1]!["Resource"]![0]);
    }

    [Fact]
    public void Mappings_ReadTheStream_WithLambdasDefaultsFilledIn()
    {
        Assert.Equal(["OrdersProcessOrdersEventSourceMapping", "OrdersUpdateInventoryEventSourceMapping"], app.EventSourceMappings.Select(m => m.LogicalId));
        var process = app.EventSourceMappings[0];
        Assert.Equal("shop-test-orders-process-orders", process.FunctionName);
        Assert.Equal(app.Tables[0].StreamArn, process.EventSourceArn);
        Assert.Equal("LATEST", process.StartingPosition);
        Assert.Null(process.StartingPositionTimestamp);
        Assert.Equal(100, process.BatchSize);
        Assert.Equal(TimeSpan.Zero, process.MaximumBatchingWindow);
        Assert.Equal(-1, process.MaximumRetryAttempts);
        Assert.Null(process.MaximumRecordAge);
        Assert.False(process.BisectBatchOnFunctionError);
        Assert.False(process.ReportBatchItemFailures);
        Assert.Equal(1, process.ParallelizationFactor);
        Assert.True(process.Enabled);
        Assert.Empty(process.FilterPatterns);
        Assert.Null(process.OnFailureDestination);
        Assert.Null(process.TumblingWindow);
        Assert.True(Guid.TryParse(process.Uuid, out _));

        var inventory = app.EventSourceMappings[1];
        Assert.Equal("shop-test-orders-update-inventory", inventory.FunctionName);
        Assert.True(inventory.ReportBatchItemFailures);
        Assert.NotEqual(process.Uuid, inventory.Uuid);
    }

    [Fact]
    public void Materialize_IsDeterministic_ForTheSameStack()
    {
        using var other = new DynamoEngine();
        var again = TemplateMaterializer.Materialize(template, other, TestApps.StackName);

        Assert.Equal(app.Roles.Select(r => r.Arn), again.Roles.Select(r => r.Arn));
        Assert.Equal(app.EventSourceMappings.Select(m => m.Uuid), again.EventSourceMappings.Select(m => m.Uuid));
    }
}
