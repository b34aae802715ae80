using System.Net;
using System.Text.Json.Nodes;
using Spectre.Console.Testing;
using Stelvio.Deploy.Tests.Support;
using Stelvio.Deploy.Tests.Support.StandIn;
using static Stelvio.Deploy.Tests.Commands.StandInScenario;

namespace Stelvio.Deploy.Tests.Commands;

/// <summary>
/// <c>deploy</c> through the CLI against the CloudFormation stand-in, for what moto cannot show:
/// per-resource events and reasons, failed creates, rollbacks, outputs, replacements, throttling.
/// </summary>
public sealed class DeployCommandTests : IAsyncLifetime
{
    private CloudFormationStandIn standIn = null!;
    private StandInScenario scenario = null!;
    private readonly MemoryAssetStore store = new();
    private readonly FakeAssetBuilder builder = new();

    public async Task InitializeAsync()
    {
        standIn = await CloudFormationStandIn.StartAsync();
        scenario = new StandInScenario(standIn);
    }

    public async Task DisposeAsync() => await standIn.DisposeAsync();

    private DeployServices Services => TestCli.Services(standIn.Url, builder: builder) with { AssetStore = _ => store };

    private Task<CliResult> Deploy(Action<StelvioApp>? app = null, TestConsole? console = null, CancellationToken cancellationToken = default, params string[] extra) =>
        TestCli.RunAsync(app ?? TestApps.Orders, Services, ["deploy", "--stage", "test", .. extra], console, cancellationToken);

    private static string Review(string id = "e0") => Xml.Event(id, Stack, Stack, "AWS::CloudFormation::Stack", "REVIEW_IN_PROGRESS", "User Initiated");

    [Fact]
    public async Task Deploy_OfANewStack_ShowsTheChangeSet_StreamsEachResourceEvent_AndEndsWithTheOutputs()
    {
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Add", "OrdersTable", "AWS::DynamoDB::Table"));
        scenario.EventsBefore.Add(Review());
        scenario.EventBatches.Add([
            Xml.Event("e2", Stack, "OrdersTable", "AWS::DynamoDB::Table", "CREATE_IN_PROGRESS", "Resource creation Initiated", 2),
            Xml.Event("e1", Stack, Stack, "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated", 1),
        ]);
        scenario.EventBatches.Add([
            Xml.Event("e4", Stack, Stack, "AWS::CloudFormation::Stack", "CREATE_COMPLETE", null, 9),
            Xml.Event("e3", Stack, "OrdersTable", "AWS::DynamoDB::Table", "CREATE_COMPLETE", null, 8),
        ]);
        scenario.StatusesAfter.AddRange(["CREATE_IN_PROGRESS", "CREATE_COMPLETE"]);
        scenario.Outputs.AddRange([("OrdersTableName", "shop-test-orders"), ("OrdersTableArn", "arn:aws:dynamodb:us-east-1:123456789012:table/shop-test-orders")]);

        var result = await Deploy();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Deploying shop-test to account 123456789012 in us-east-1 as arn:aws:iam::123456789012:user/deployer", result.Output, StringComparison.Ordinal);
        Assert.Contains("would create stack shop-test:", result.Output, StringComparison.Ordinal);
        Assert.Contains("  + OrdersTable  AWS::DynamoDB::Table", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 to add, 0 to change, 0 to remove.", result.Output, StringComparison.Ordinal);
        var lines = result.Output.Split('\n');
        var events = lines.Where(l => l.Contains("_IN_PROGRESS  ", StringComparison.Ordinal) || l.Contains("_COMPLETE  ", StringComparison.Ordinal)).Select(l => l[10..].Trim()).ToList();
        Assert.Equal(
            [
                "CREATE_IN_PROGRESS  shop-test AWS::CloudFormation::Stack  User Initiated",
                "CREATE_IN_PROGRESS  OrdersTable AWS::DynamoDB::Table  Resource creation Initiated",
                "CREATE_COMPLETE  OrdersTable AWS::DynamoDB::Table",
                "CREATE_COMPLETE  shop-test AWS::CloudFormation::Stack",
            ],
            events);
        Assert.Contains("Deployed stack shop-test (CREATE_COMPLETE).", result.Output, StringComparison.Ordinal);
        Assert.Contains("  OrdersTableArn   arn:aws:dynamodb:us-east-1:123456789012:table/shop-test-orders", result.Output, StringComparison.Ordinal);
        Assert.Contains("  OrdersTableName  shop-test-orders", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_CreatesTheChangeSetWithTheTemplateTagsAndIamCapabilities()
    {
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Add", "OrdersTable", "AWS::DynamoDB::Table"));
        scenario.StatusesAfter.Add("CREATE_COMPLETE");

        await Deploy();

        var create = Assert.Single(standIn.Of("CreateChangeSet"));
        Assert.Equal(("shop-test", "CREATE"), (create["StackName"], create["ChangeSetType"]));
        Assert.Matches("^stelvio-[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$", create["ChangeSetName"]);
        Assert.Equal(("CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"), (create["Capabilities.member.1"], create["Capabilities.member.2"]));
        Assert.Equal(("stelvio:app", "shop", "stelvio:stage", "test"), (create["Tags.member.1.Key"], create["Tags.member.1.Value"], create["Tags.member.2.Key"], create["Tags.member.2.Value"]));
        var expected = TestApps.Synth("test", TestApps.Orders).TemplateJson;
        Assert.Equal(expected, create["TemplateBody"]);
        var execute = Assert.Single(standIn.Of("ExecuteChangeSet"));
        Assert.Equal(Xml.ChangeSetId("stelvio"), execute["ChangeSetName"]);
    }

    [Fact]
    public async Task Deploy_WhoseExecuteReachedCloudFormationButWhoseAnswerWasLost_FollowsTheStackToTheEnd()
    {
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Add", "OrdersTable", "AWS::DynamoDB::Table"));
        scenario.LoseExecuteAnswer = true;
        scenario.EventBatches.Add([Xml.Event("e1", Stack, Stack, "AWS::CloudFormation::Stack", "CREATE_COMPLETE", null, 9)]);
        scenario.StatusesAfter.Add("CREATE_COMPLETE");

        var result = await Deploy();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Deployed stack shop-test (CREATE_COMPLETE).", result.Output, StringComparison.Ordinal);
        var executes = standIn.Of("ExecuteChangeSet");
        Assert.Equal(2, executes.Count);
        Assert.Equal(executes[0]["ClientRequestToken"], executes[1]["ClientRequestToken"]);
    }

    [Fact]
    public async Task Deploy_WhenNothingChanged_SaysSoAndExecutesNothing()
    {
        scenario.StatusBefore = "UPDATE_COMPLETE";
        scenario.DeployedTemplate = "{}";
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "FAILED", "The submitted information didn't contain changes. Submit different information to create a change set.", "UNAVAILABLE");

        var result = await Deploy();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("No changes: stack shop-test is up to date; nothing to deploy.", result.Output, StringComparison.Ordinal);
        Assert.Empty(standIn.Of("ExecuteChangeSet"));
        Assert.Single(standIn.Of("DeleteChangeSet"));
        Assert.Equal("UPDATE", standIn.Of("CreateChangeSet")[0]["ChangeSetType"]);
    }

    [Fact]
    public async Task Deploy_WhoseCreateFails_ListsTheFailedResourcesWithReasons_TheRollbackStatus_AndExitsNonZero()
    {
        const string reason = "Resource handler returned message: \"One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions\" (Service: DynamoDb, Status Code: 400)";
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Add", "OrdersTable", "AWS::DynamoDB::Table"));
        scenario.EventsBefore.Add(Review());
        scenario.EventBatches.Add([
            Xml.Event("e3", Stack, "OrdersTable", "AWS::DynamoDB::Table", "CREATE_FAILED", reason, 3),
            Xml.Event("e2", Stack, "OrdersTable", "AWS::DynamoDB::Table", "CREATE_IN_PROGRESS", null, 2),
            Xml.Event("e1", Stack, Stack, "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated", 1),
        ]);
        scenario.EventBatches.Add([
            Xml.Event("e6", Stack, Stack, "AWS::CloudFormation::Stack", "ROLLBACK_COMPLETE", null, 9),
            Xml.Event("e5", Stack, "OrdersTable", "AWS::DynamoDB::Table", "DELETE_COMPLETE", null, 8),
            Xml.Event("e4", Stack, Stack, "AWS::CloudFormation::Stack", "ROLLBACK_IN_PROGRESS", "The following resource(s) failed to create: [OrdersTable]. Rollback requested by user.", 4),
        ]);
        scenario.StatusesAfter.AddRange(["ROLLBACK_IN_PROGRESS", "ROLLBACK_COMPLETE"]);
        scenario.FinalReason = "The following resource(s) failed to create: [OrdersTable]. Rollback requested by user.";

        var result = await Deploy();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Deploy failed: stack shop-test is ROLLBACK_COMPLETE (the stack was rolled back; it holds no resources and the next deploy replaces it).", result.Output, StringComparison.Ordinal);
        Assert.Contains("  ✗ OrdersTable AWS::DynamoDB::Table CREATE_FAILED: " + reason, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Deployed stack", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_WhoseUpdateRollsBack_SaysTheStackIsAsBefore()
    {
        scenario.StatusBefore = "UPDATE_COMPLETE";
        scenario.DeployedTemplate = "{}";
        scenario.EventsBefore.Add(Xml.Event("old", Stack, Stack, "AWS::CloudFormation::Stack", "UPDATE_COMPLETE"));
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Modify", "OrdersTable", "AWS::DynamoDB::Table", "False", ("StreamSpecification", "Never")));
        scenario.EventBatches.Add([
            Xml.Event("e9", Stack, Stack, "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_COMPLETE", null, 9),
            Xml.Event("e3", Stack, "OrdersTable", "AWS::DynamoDB::Table", "UPDATE_FAILED", "Cannot update a table's stream while another update is in progress", 3),
        ]);
        scenario.StatusesAfter.Add("UPDATE_ROLLBACK_COMPLETE");

        var result = await Deploy();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("  ~ OrdersTable  AWS::DynamoDB::Table  StreamSpecification", result.Output, StringComparison.Ordinal);
        Assert.Contains("stack shop-test is UPDATE_ROLLBACK_COMPLETE (the update was rolled back; the stack is as it was before).", result.Output, StringComparison.Ordinal);
        Assert.Contains("✗ OrdersTable AWS::DynamoDB::Table UPDATE_FAILED: Cannot update a table's stream while another update is in progress", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("UPDATE_COMPLETE  shop-test", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_FlagsReplacementsAndThePermissionsItWidens()
    {
        // Deployed: the orders table alone. New: the table plus an audit function reading its stream.
        scenario.StatusBefore = "UPDATE_COMPLETE";
        scenario.DeployedTemplate = TestApps.Synth("test", TestApps.Orders).TemplateJson;
        scenario.ChangeSet = Xml.DescribeChangeSet(
            Stack,
            "CREATE_COMPLETE",
            changes:
            [
                Xml.Change("Add", "OrdersAuditRole", "AWS::IAM::Role"),
                Xml.Change("Add", "OrdersAuditPolicy", "AWS::IAM::Policy"),
                Xml.Change("Add", "OrdersAuditFunction", "AWS::Lambda::Function"),
                Xml.Change("Add", "OrdersAuditEventSourceMapping", "AWS::Lambda::EventSourceMapping"),
                Xml.Change("Modify", "OrdersTable", "AWS::DynamoDB::Table", "True", ("KeySchema", "Always"), ("BillingMode", "Never")),
                Xml.Change("Remove", "LegacyTable", "AWS::DynamoDB::Table"),
            ]);
        scenario.StatusesAfter.Add("UPDATE_COMPLETE");

        var result = await Deploy(TestApps.OrdersWithAudit());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Output.Contains("  + OrdersAuditRole                AWS::IAM::Role                   widens permissions", StringComparison.Ordinal), result.Output);
        Assert.Contains("  + OrdersAuditPolicy              AWS::IAM::Policy                 widens permissions", result.Output, StringComparison.Ordinal);
        Assert.Contains("  ~ OrdersTable                    AWS::DynamoDB::Table             replaced  KeySchema (replaces), BillingMode", result.Output, StringComparison.Ordinal);
        Assert.Contains("  - LegacyTable                    AWS::DynamoDB::Table", result.Output, StringComparison.Ordinal);
        Assert.Contains("4 to add, 1 to change (1 replaced), 1 to remove.", result.Output, StringComparison.Ordinal);
        Assert.Contains("This deploy widens permissions:", result.Output, StringComparison.Ordinal);
        Assert.Contains("  + OrdersAuditRole: Allow sts:AssumeRole to service lambda.amazonaws.com", result.Output, StringComparison.Ordinal);
        Assert.Contains("  + OrdersAuditRole: attaches managed policy arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", result.Output, StringComparison.Ordinal);
        Assert.Contains("  + OrdersAuditPolicy: Allow dynamodb:DescribeStream, dynamodb:GetRecords, dynamodb:GetShardIterator on OrdersTable.StreamArn", result.Output, StringComparison.Ordinal);
        Assert.Contains("  + OrdersAuditPolicy: Allow dynamodb:ListStreams on *", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_UploadsAFunctionZipOnlyWhenTheBucketLacksIt()
    {
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Add", "OrdersAuditFunction", "AWS::Lambda::Function"));
        scenario.StatusesAfter.Add("CREATE_COMPLETE");
        var asset = TestApps.Synth("test", TestApps.OrdersWithAudit()).Assets.Single();
        var key = $"stelvio-assets-123456789012-us-east-1/{asset.S3Key}";

        var first = await Deploy(TestApps.OrdersWithAudit());
        var second = await Deploy(TestApps.OrdersWithAudit());

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first + "\n" + second);
        Assert.True(store.Objects.ContainsKey(key));
        Assert.Equal([key, key], store.Heads);
        Assert.Single(builder.Built);
        Assert.Contains($"uploaded {asset.S3Key}", first.Output, StringComparison.Ordinal);
        Assert.Contains($"unchanged {asset.S3Key}", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_WhenTheAssetBucketOutlivedItsBootstrapStack_UsesTheBucketWithoutRecreatingTheStack()
    {
        // The stack was deleted, the bucket kept by its deletion policy: a new stack could not create a bucket of that name.
        standIn.On("DescribeStacks", r => r["StackName"] == "stelvio-bootstrap"
            ? Reply.Error(HttpStatusCode.BadRequest, "ValidationError", "Stack with id stelvio-bootstrap does not exist")
            : Reply.Ok(Xml.DescribeStacks(Stack, standIn.Of("ExecuteChangeSet").Count == 0 ? "REVIEW_IN_PROGRESS" : "CREATE_COMPLETE")));
        store.Buckets.Add("stelvio-assets-123456789012-us-east-1");
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Add", "OrdersAuditFunction", "AWS::Lambda::Function"));
        var asset = TestApps.Synth("test", TestApps.OrdersWithAudit()).Assets.Single();

        var result = await Deploy(TestApps.OrdersWithAudit());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(
            "The asset bucket stelvio-assets-123456789012-us-east-1 exists without its stack stelvio-bootstrap (the stack was deleted, the bucket kept); using the bucket as it is.",
            result.Output,
            StringComparison.Ordinal);
        Assert.DoesNotContain(standIn.Of("CreateChangeSet"), r => r["StackName"] == "stelvio-bootstrap");
        Assert.True(store.Objects.ContainsKey($"stelvio-assets-123456789012-us-east-1/{asset.S3Key}"));
    }

    [Fact]
    public async Task Deploy_OfATemplateOverTheInlineLimit_UploadsItAndPassesItsUrl()
    {
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Add", "T0Table", "AWS::DynamoDB::Table"));
        scenario.StatusesAfter.Add("CREATE_COMPLETE");
        var bytes = TestApps.Synth("test", TestApps.Large).TemplateBytes;
        var result = await Deploy(TestApps.Large);

        Assert.True(bytes.Length > 51_200, $"the test template has {bytes.Length} bytes");
        Assert.True(result.ExitCode == 0, result.ToString());
        var create = Assert.Single(standIn.Of("CreateChangeSet"));
        Assert.Null(create["TemplateBody"]);
        var (objectKey, content) = Assert.Single(store.Objects);
        Assert.StartsWith("stelvio-assets-123456789012-us-east-1/templates/shop-test/", objectKey, StringComparison.Ordinal);
        Assert.Equal(bytes, content);
        Assert.Equal("https://" + objectKey.Replace("stelvio-assets-123456789012-us-east-1/", "stelvio-assets-123456789012-us-east-1.s3.us-east-1.amazonaws.com/", StringComparison.Ordinal), create["TemplateURL"]);
    }

    [Fact]
    public async Task Deploy_WhenThrottled_RetriesAndSucceeds()
    {
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Add", "OrdersTable", "AWS::DynamoDB::Table"));
        scenario.StatusesAfter.Add("CREATE_COMPLETE");
        standIn.On(
            "CreateChangeSet",
            _ => Reply.Error(HttpStatusCode.BadRequest, "Throttling", "Rate exceeded"),
            _ => Reply.Error(HttpStatusCode.BadRequest, "Throttling", "Rate exceeded"),
            _ => Reply.Ok(Xml.CreateChangeSet(Stack)));

        var result = await Deploy();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, standIn.Of("CreateChangeSet").Count);
        Assert.Single(standIn.Of("ExecuteChangeSet"));
    }

    [Fact]
    public async Task Deploy_WhenTheUserDeclines_DeletesTheChangeSetAndExecutesNothing()
    {
        scenario.StatusBefore = "UPDATE_COMPLETE";
        scenario.DeployedTemplate = "{}";
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Add", "OrdersTable", "AWS::DynamoDB::Table"));
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter("n");

        var result = await Deploy(console: console);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Deploy these changes to shop-test? [y/n] (n): n", result.Output, StringComparison.Ordinal);
        Assert.Contains("Not deployed; the change set was deleted.", result.Output, StringComparison.Ordinal);
        Assert.Empty(standIn.Of("ExecuteChangeSet"));
        Assert.Single(standIn.Of("DeleteChangeSet"));
    }

    [Fact]
    public async Task Deploy_WhenTheUserAgrees_Executes()
    {
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Add", "OrdersTable", "AWS::DynamoDB::Table"));
        scenario.StatusesAfter.Add("CREATE_COMPLETE");
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter("y");

        var result = await Deploy(console: console);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(standIn.Of("ExecuteChangeSet"));
    }

    [Fact]
    public async Task CtrlC_WhileWatching_StopsWatchingAndSaysCloudFormationCarriesOn()
    {
        using var cancel = new CancellationTokenSource();
        scenario.StatusBefore = "UPDATE_COMPLETE";
        scenario.DeployedTemplate = "{}";
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Add", "OrdersTable", "AWS::DynamoDB::Table"));
        scenario.StatusesAfter.Add("UPDATE_IN_PROGRESS");
        scenario.EventBatches.Add([Xml.Event("e1", Stack, Stack, "AWS::CloudFormation::Stack", "UPDATE_IN_PROGRESS", "User Initiated", 1)]);
        scenario.OnExecute = () => cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        var result = await Deploy(cancellationToken: cancel.Token);

        Assert.Equal(130, result.ExitCode);
        Assert.Contains(
            "Stopped watching. CloudFormation carries on deploying stack shop-test on its own; nothing local needs cleaning up. " +
            "Follow it with: aws cloudformation describe-stack-events --stack-name shop-test --region us-east-1 (or run 'outputs' once it is done).",
            result.Output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Deployed stack", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_OverAStackLeftInRollbackComplete_DeletesItFirstThenCreates()
    {
        var deleted = false;
        standIn.On("DescribeStacks", r => deleted ? Reply.Error(HttpStatusCode.BadRequest, "ValidationError", $"Stack with id {r["StackName"]} does not exist") : Reply.Ok(Xml.DescribeStacks(Stack, "ROLLBACK_COMPLETE")));
        standIn.On("DeleteStack", _ =>
        {
            deleted = true;
            return Reply.Ok(Xml.Empty("DeleteStack"));
        });
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Add", "OrdersTable", "AWS::DynamoDB::Table"));
        standIn.On("ExecuteChangeSet", _ => Reply.Error(HttpStatusCode.BadRequest, "ValidationError", "stop here"));

        var result = await Deploy();

        Assert.Contains("Stack 'shop-test' is in ROLLBACK_COMPLETE after a failed first deploy and cannot be updated; deleting it first.", result.Output, StringComparison.Ordinal);
        Assert.Equal("CREATE", standIn.Of("CreateChangeSet").Single()["ChangeSetType"]);
        Assert.True(standIn.Actions.ToList().IndexOf("DeleteStack") < standIn.Actions.ToList().IndexOf("CreateChangeSet"));
    }

    [Fact]
    public async Task Deploy_OfABusyStack_FailsWithoutCreatingAChangeSet()
    {
        scenario.StatusBefore = "UPDATE_IN_PROGRESS";

        var result = await Deploy();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error: Stack 'shop-test' is busy (UPDATE_IN_PROGRESS): another deploy or destroy is running. Wait until it ends, then try again: aws cloudformation describe-stack-events --stack-name shop-test", result.Output, StringComparison.Ordinal);
        Assert.Empty(standIn.Of("CreateChangeSet"));
    }

    [Fact]
    public async Task Deploy_WhoseChangeSetFails_ReportsCloudFormationsReason()
    {
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "FAILED", "Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template", "UNAVAILABLE");

        var result = await Deploy();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error: CloudFormation could not compute the changes for stack 'shop-test': Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template", result.Output, StringComparison.Ordinal);
        Assert.Empty(standIn.Of("ExecuteChangeSet"));
    }

    [Fact]
    public async Task Deploy_WithInsufficientCapabilities_SaysWhatCloudFormationWants()
    {
        standIn.On("CreateChangeSet", _ => Reply.Error(HttpStatusCode.BadRequest, "InsufficientCapabilitiesException", "Requires capabilities : [CAPABILITY_AUTO_EXPAND]"));

        var result = await Deploy();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "Error: CloudFormation refused the template for stack 'shop-test': Requires capabilities : [CAPABILITY_AUTO_EXPAND]. Stelvio acknowledges CAPABILITY_IAM and CAPABILITY_NAMED_IAM; a template needing more (macros, CAPABILITY_AUTO_EXPAND) is not supported.",
            result.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_WhenAnotherDeployCreatedTheStackMeanwhile_SaysToRunAgain()
    {
        // The stack did not exist when looked at; by CreateChangeSet (type CREATE) another deploy had made it.
        standIn.On("CreateChangeSet", _ => Reply.Error(HttpStatusCode.BadRequest, "AlreadyExistsException", "Stack [shop-test] already exists"));

        var result = await Deploy();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "Error: CloudFormation CreateChangeSet for stack 'shop-test': Stack [shop-test] already exists. Another deploy may have created it meanwhile; run the command again.",
            result.Output,
            StringComparison.Ordinal);
        Assert.Empty(standIn.Of("ExecuteChangeSet"));
    }

    [Fact]
    public async Task Deploy_WhenCloudFormationRejectsTheTemplate_QuotesItsValidationError()
    {
        standIn.On("CreateChangeSet", _ => Reply.Error(HttpStatusCode.BadRequest, "ValidationError", "Template error: resource OrdersTable does not support attribute type StreamArn in Fn::GetAtt"));

        var result = await Deploy();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error: CloudFormation rejected CreateChangeSet for stack 'shop-test': Template error: resource OrdersTable does not support attribute type StreamArn in Fn::GetAtt", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigErrors_AreReportedBeforeAnyAwsCall()
    {
        var result = await Deploy(app => _ = new Stelvio.Aws.DynamoDB.DynamoTable("orders", new() { Fields = { ["id"] = "string" }, PartitionKey = "nope" }));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("DynamoTable 'orders'", result.Output, StringComparison.Ordinal);
        Assert.Empty(standIn.Requests);
    }

    [Fact]
    public async Task DeployedTemplate_IsParsedFromGetTemplate_ForTheWideningCheck()
    {
        scenario.StatusBefore = "UPDATE_COMPLETE";
        scenario.DeployedTemplate = TestApps.Synth("test", TestApps.OrdersWithAudit()).TemplateJson;
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Modify", "OrdersAuditFunction", "AWS::Lambda::Function", "False", ("MemorySize", "Never")));
        scenario.StatusesAfter.Add("UPDATE_COMPLETE");

        var result = await Deploy(TestApps.OrdersWithAudit(memory: 512));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Output.Contains("  ~ OrdersAuditFunction  AWS::Lambda::Function  MemorySize", StringComparison.Ordinal), result.Output);
        Assert.DoesNotContain("widens permissions", result.Output, StringComparison.Ordinal);
        Assert.NotNull(JsonNode.Parse(scenario.DeployedTemplate));
    }
}
