using System.Net;
using System.Text.Json;
using Spectre.Console.Testing;
using Stelvio.Deploy.Tests.Support;
using Stelvio.Deploy.Tests.Support.StandIn;
using static Stelvio.Deploy.Tests.Commands.StandInScenario;

namespace Stelvio.Deploy.Tests.Commands;

/// <summary><c>outputs</c>, <c>destroy</c> and <c>diff</c> against the CloudFormation stand-in.</summary>
public sealed class OtherCommandsTests : IAsyncLifetime
{
    private CloudFormationStandIn standIn = null!;
    private StandInScenario scenario = null!;

    public async Task InitializeAsync()
    {
        standIn = await CloudFormationStandIn.StartAsync();
        scenario = new StandInScenario(standIn);
    }

    public async Task DisposeAsync() => await standIn.DisposeAsync();

    private Task<CliResult> Run(Action<StelvioApp> app, TestConsole? console = null, params string[] args) =>
        TestCli.RunAsync(app, TestCli.Services(standIn.Url) with { AssetStore = _ => new MemoryAssetStore() }, [.. args, "--stage", "test"], console);

    private Task<CliResult> Run(params string[] args) => Run(TestApps.Orders, null, args);

    private const string OrdersStreamArn = "arn:aws:dynamodb:us-east-1:123456789012:table/shop-test-orders/stream/2026-05-01T10:00:00.000";

    private const string StreamedOrdersTemplate = """
        {"Resources": {
          "OrdersTable": {"Type": "AWS::DynamoDB::Table", "Properties": {"StreamSpecification": {"StreamViewType": "NEW_AND_OLD_IMAGES"}}},
          "UsersTable": {"Type": "AWS::DynamoDB::Table", "Properties": {}},
          "OrdersAuditFunction": {"Type": "AWS::Lambda::Function", "Properties": {}}
        }}
        """;

    [Fact]
    public async Task Outputs_ListsEachTablesNameArnAndStreamArn_AndEachFunctionsName_FromTheStacksResources()
    {
        scenario.StatusBefore = "UPDATE_COMPLETE";
        scenario.DeployedTemplate = StreamedOrdersTemplate;
        scenario.Resources = [("OrdersTable", "AWS::DynamoDB::Table", "shop-test-orders"), ("UsersTable", "AWS::DynamoDB::Table", "shop-test-users"), ("OrdersAuditFunction", "AWS::Lambda::Function", "shop-test-orders-audit"), ("OrdersAuditRole", "AWS::IAM::Role", "shop-test-orders-audit-role")];
        scenario.StreamArns["shop-test-orders"] = OrdersStreamArn;

        var result = await Run("outputs");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Stack shop-test (UPDATE_COMPLETE) in account 123456789012, us-east-1", result.Output, StringComparison.Ordinal);
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd()).Where(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "  OrdersAuditFunctionName  shop-test-orders-audit",
                "  OrdersTableArn           arn:aws:dynamodb:us-east-1:123456789012:table/shop-test-orders",
                "  OrdersTableName          shop-test-orders",
                $"  OrdersTableStreamArn     {OrdersStreamArn}",
                "  UsersTableArn            arn:aws:dynamodb:us-east-1:123456789012:table/shop-test-users",
                "  UsersTableName           shop-test-users",
            ],
            lines);
        Assert.Equal(["shop-test-orders"], standIn.Of("DescribeTable").Select(r => r["TableName"]));
    }

    [Fact]
    public async Task Outputs_ReadsEveryPageOfTheStacksResources()
    {
        scenario.StatusBefore = "UPDATE_COMPLETE";
        standIn.On(
            "ListStackResources",
            _ => Reply.Ok(Xml.ListStackResources("page-2", ("ATable", "AWS::DynamoDB::Table", "shop-test-a"))),
            _ => Reply.Ok(Xml.ListStackResources(null, ("BFunction", "AWS::Lambda::Function", "shop-test-b"))));

        var result = await Run("outputs", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(result.Output)!;
        Assert.Equal(["ATableArn", "ATableName", "BFunctionName"], values.Keys);
        Assert.Equal("page-2", standIn.Of("ListStackResources")[1]["NextToken"]);
        Assert.Empty(standIn.Of("DescribeTable"));
    }

    [Fact]
    public async Task OutputsJson_PrintsOneJsonObjectOfNamesAndValues_Unwrapped()
    {
        var longArn = "arn:aws:dynamodb:us-east-1:123456789012:table/" + new string('o', 200) + "/stream/2026-05-01T10:00:00.000";
        scenario.StatusBefore = "UPDATE_COMPLETE";
        scenario.DeployedTemplate = StreamedOrdersTemplate;
        scenario.Resources = [("OrdersTable", "AWS::DynamoDB::Table", "shop-test-orders")];
        scenario.StreamArns["shop-test-orders"] = longArn;
        var console = new TestConsole();

        var result = await Run(TestApps.Orders, console, "outputs", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(result.Output)!;
        Assert.Equal(new Dictionary<string, string> { ["OrdersTableArn"] = "arn:aws:dynamodb:us-east-1:123456789012:table/shop-test-orders", ["OrdersTableName"] = "shop-test-orders", ["OrdersTableStreamArn"] = longArn }, values);
    }

    [Fact]
    public async Task Outputs_OfAStackThatDoesNotExist_SaysHowToDeployIt()
    {
        var result = await Run("outputs");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error: Stack 'shop-test' does not exist in account 123456789012, us-east-1. Deploy it first: dotnet run -- deploy --stage test", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Destroy_DeletesTheStack_StreamsEvents_AndNamesTheResourcesKeptByTheirPolicy()
    {
        scenario.StatusBefore = "UPDATE_COMPLETE";
        scenario.DeployedTemplate = """
            {"Resources": {
              "OrdersTable": {"Type": "AWS::DynamoDB::Table", "DeletionPolicy": "Retain", "Properties": {}},
              "UsersTable": {"Type": "AWS::DynamoDB::Table", "DeletionPolicy": "Delete", "Properties": {}}}}
            """;
        scenario.Resources = [("OrdersTable", "AWS::DynamoDB::Table", "shop-test-orders"), ("UsersTable", "AWS::DynamoDB::Table", "shop-test-users")];
        scenario.EventsBefore.Add(Xml.Event("old", Stack, Stack, "AWS::CloudFormation::Stack", "UPDATE_COMPLETE"));
        scenario.EventBatches.Add([
            Xml.Event("e3", Stack, "UsersTable", "AWS::DynamoDB::Table", "DELETE_COMPLETE", null, 3),
            Xml.Event("e2", Stack, "OrdersTable", "AWS::DynamoDB::Table", "DELETE_SKIPPED", null, 2),
            Xml.Event("e1", Stack, Stack, "AWS::CloudFormation::Stack", "DELETE_IN_PROGRESS", "User Initiated", 1),
        ]);
        scenario.StatusesAfter.AddRange(["DELETE_IN_PROGRESS", null]);

        var result = await Run("destroy", "--yes");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  - OrdersTable AWS::DynamoDB::Table shop-test-orders  kept (Retain)", result.Output, StringComparison.Ordinal);
        Assert.Contains("  - UsersTable AWS::DynamoDB::Table shop-test-users", result.Output, StringComparison.Ordinal);
        Assert.Contains("DELETE_SKIPPED  OrdersTable AWS::DynamoDB::Table", result.Output, StringComparison.Ordinal);
        Assert.Contains("Destroyed stack shop-test.", result.Output, StringComparison.Ordinal);
        var kept = result.Output[result.Output.IndexOf("Kept by their deletion policy", StringComparison.Ordinal)..];
        Assert.Contains("  OrdersTable AWS::DynamoDB::Table shop-test-orders", kept, StringComparison.Ordinal);
        Assert.DoesNotContain("UsersTable", kept, StringComparison.Ordinal);
        Assert.Equal(Stack, Assert.Single(standIn.Of("DeleteStack"))["StackName"]);
    }

    [Fact]
    public async Task Destroy_WhenNotInteractive_RequiresYes()
    {
        scenario.StatusBefore = "UPDATE_COMPLETE";
        scenario.DeployedTemplate = "{}";

        var result = await Run("destroy");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error: destroy deletes stack 'shop-test' and its resources; the terminal is not interactive, so pass --yes to confirm.", result.Output, StringComparison.Ordinal);
        Assert.Empty(standIn.Of("DeleteStack"));
    }

    [Fact]
    public async Task Destroy_WhenTheUserDeclines_DeletesNothing()
    {
        scenario.StatusBefore = "UPDATE_COMPLETE";
        scenario.DeployedTemplate = "{}";
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter("n");

        var result = await Run(TestApps.Orders, console, "destroy");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Nothing was deleted.", result.Output, StringComparison.Ordinal);
        Assert.Empty(standIn.Of("DeleteStack"));
    }

    [Fact]
    public async Task Destroy_OfAMissingStack_SaysThereIsNothingToDo()
    {
        var result = await Run("destroy", "--yes");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Stack shop-test does not exist in account 123456789012, us-east-1; nothing to destroy.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Destroy_ThatFails_ReportsTheResourceThatCouldNotBeDeleted()
    {
        scenario.StatusBefore = "UPDATE_COMPLETE";
        scenario.DeployedTemplate = "{}";
        scenario.EventBatches.Add([
            Xml.Event("e2", Stack, Stack, "AWS::CloudFormation::Stack", "DELETE_FAILED", "The following resource(s) failed to delete: [OrdersTable].", 3),
            Xml.Event("e1", Stack, "OrdersTable", "AWS::DynamoDB::Table", "DELETE_FAILED", "Table shop-test-orders has deletion protection enabled", 2),
        ]);
        scenario.StatusesAfter.Add("DELETE_FAILED");

        var result = await Run("destroy", "--yes");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Destroy failed: stack shop-test is DELETE_FAILED (some resources could not be deleted; fix them and run destroy again).", result.Output, StringComparison.Ordinal);
        Assert.Contains("✗ OrdersTable AWS::DynamoDB::Table DELETE_FAILED: Table shop-test-orders has deletion protection enabled", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_ShowsTheChangeSetThenDeletesIt_AndListsPropertyChanges()
    {
        scenario.StatusBefore = "UPDATE_COMPLETE";
        scenario.DeployedTemplate = TestApps.Synth("test", TestApps.OrdersWithAudit(memory: 256)).TemplateJson;
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes:
        [
            Xml.Change("Modify", "OrdersAuditFunction", "AWS::Lambda::Function", "False", ("MemorySize", "Never")),
            Xml.Change("Add", "UsersTable", "AWS::DynamoDB::Table"),
        ]);

        var result = await Run(TestApps.OrdersWithAuditAndUsers(memory: 512), null, "diff");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Output.Contains("  ~ OrdersAuditFunction  AWS::Lambda::Function  MemorySize", StringComparison.Ordinal), result.Output);
        Assert.Contains("  + UsersTable           AWS::DynamoDB::Table", result.Output, StringComparison.Ordinal);
        Assert.Contains("Template changes (deployed → new):", result.Output, StringComparison.Ordinal);
        Assert.Contains("      ~ Properties.MemorySize: 256 → 512", result.Output, StringComparison.Ordinal);
        Assert.Contains("  + UsersTable AWS::DynamoDB::Table", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Outputs", result.Output, StringComparison.Ordinal); // the template declares none (StackOutputs reads them from the stack)
        Assert.Single(standIn.Of("DeleteChangeSet"));
        Assert.Empty(standIn.Of("ExecuteChangeSet"));
    }

    [Fact]
    public async Task Diff_OfANewStack_DeletesTheChangeSetAndTheEmptyStackItLeaves()
    {
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Add", "OrdersTable", "AWS::DynamoDB::Table"));
        standIn.On("DescribeStacks", r => standIn.Of("CreateChangeSet").Count == 0
            ? Reply.Error(HttpStatusCode.BadRequest, "ValidationError", "Stack with id shop-test does not exist")
            : Reply.Ok(Xml.DescribeStacks(Stack, "REVIEW_IN_PROGRESS")));

        var result = await Run("diff");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("would create stack shop-test:", result.Output, StringComparison.Ordinal);
        Assert.Contains("Template changes (no stack yet: everything is new):", result.Output, StringComparison.Ordinal);
        Assert.Single(standIn.Of("DeleteChangeSet"));
        Assert.Single(standIn.Of("DeleteStack"));
    }

    [Fact]
    public async Task Diff_PrintsSynthWarnings_AsDeployDoes()
    {
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Add", "OrdersTable", "AWS::DynamoDB::Table"));
        standIn.On("DescribeStacks", r => standIn.Of("CreateChangeSet").Count == 0
            ? Reply.Error(HttpStatusCode.BadRequest, "ValidationError", "Stack with id shop-test does not exist")
            : Reply.Ok(Xml.DescribeStacks(Stack, "REVIEW_IN_PROGRESS")));

        var result = await Run(
            app => new Stelvio.Aws.DynamoDB.DynamoTable("orders", new() { Fields = { ["customer_id"] = "string", ["note"] = "string" }, PartitionKey = "customer_id" }),
            null,
            "diff");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Warning: DynamoTable 'orders': field 'note' is not used by any key or index", result.Output, StringComparison.Ordinal);
    }
}
