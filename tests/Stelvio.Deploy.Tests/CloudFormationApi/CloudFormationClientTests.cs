using System.Net;
using Stelvio.Deploy.Aws;
using Stelvio.Deploy.CloudFormationApi;
using Stelvio.Deploy.Tests.Support.StandIn;

namespace Stelvio.Deploy.Tests.CloudFormationApi;

/// <summary>The typed client against the stand-in: requests serialised as the Query API expects, responses read in their documented shapes.</summary>
public sealed class CloudFormationClientTests : IAsyncLifetime
{
    private const string Stack = "shop-test";
    private CloudFormationStandIn standIn = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        standIn = await CloudFormationStandIn.StartAsync();
        http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await standIn.DisposeAsync();
    }

    private CloudFormationClient Client(RetryPolicy? retry = null, string? token = null) => new(new AwsQueryClient(
        http,
        new AwsEndpoint(new Uri(standIn.Url), true, "AWS_ENDPOINT_URL"),
        "cloudformation",
        "us-east-1",
        CloudFormationClient.ApiVersion,
        new StaticCredentialSource(new AwsCredentials("AKIDTESTING", "secret", token)),
        retry ?? new RetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) },
        TimeProvider.System));

    [Fact]
    public async Task CreateChangeSet_SendsEveryParameterInQueryForm_AndReadsTheIds()
    {
        standIn.On("CreateChangeSet", Xml.CreateChangeSet(Stack));

        var ids = await Client().CreateChangeSetAsync(
            new CreateChangeSetRequest(Stack, "stelvio-1", ChangeSetType.Create, "{}", null, ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"], [new("stelvio:app", "shop"), new("stelvio:stage", "test")], "by Stelvio"),
            default);

        var request = Assert.Single(standIn.Of("CreateChangeSet"));
        Assert.Equal("2010-05-15", request["Version"]);
        Assert.Equal(Stack, request["StackName"]);
        Assert.Equal("stelvio-1", request["ChangeSetName"]);
        Assert.Equal("CREATE", request["ChangeSetType"]);
        Assert.Equal("{}", request["TemplateBody"]);
        Assert.Null(request["TemplateURL"]);
        Assert.Equal("CAPABILITY_IAM", request["Capabilities.member.1"]);
        Assert.Equal("CAPABILITY_NAMED_IAM", request["Capabilities.member.2"]);
        Assert.Equal("stelvio:app", request["Tags.member.1.Key"]);
        Assert.Equal("shop", request["Tags.member.1.Value"]);
        Assert.Equal("stelvio:stage", request["Tags.member.2.Key"]);
        Assert.Equal("test", request["Tags.member.2.Value"]);
        Assert.Equal(Xml.ChangeSetId("stelvio"), ids.ChangeSetId);
        Assert.Equal(Xml.StackId(Stack), ids.StackId);
    }

    [Fact]
    public async Task CreateChangeSet_WithATemplateUrl_SendsTemplateUrlAndNoBody()
    {
        standIn.On("CreateChangeSet", Xml.CreateChangeSet(Stack));

        await Client().CreateChangeSetAsync(new CreateChangeSetRequest(Stack, "c", ChangeSetType.Update, null, "https://b.s3.us-east-1.amazonaws.com/t.json", [], []), default);

        var request = Assert.Single(standIn.Of("CreateChangeSet"));
        Assert.Equal("https://b.s3.us-east-1.amazonaws.com/t.json", request["TemplateURL"]);
        Assert.Equal("UPDATE", request["ChangeSetType"]);
        Assert.False(request.Parameters.ContainsKey("TemplateBody"));
    }

    [Fact]
    public async Task Requests_AreSignedForCloudFormationInTheRegion()
    {
        standIn.On("DescribeStacks", Xml.StackMissing(Stack));

        await Client(token: "session-token").DescribeStackAsync(Stack, default);

        var request = Assert.Single(standIn.Requests);
        Assert.Matches(
            @"^AWS4-HMAC-SHA256 Credential=AKIDTESTING/\d{8}/us-east-1/cloudformation/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$",
            request.Authorization);
        Assert.Matches(@"^\d{8}T\d{6}Z$", request.AmzDate);
    }

    [Fact]
    public async Task DescribeStack_ReadsStatusOutputsTagsAndTimes()
    {
        standIn.On("DescribeStacks", Xml.DescribeStacks(Stack, "UPDATE_COMPLETE", "done", [("OrdersTableName", "shop-test-orders")], [("stelvio:app", "shop")]));

        var stack = await Client().DescribeStackAsync(Stack, default);

        Assert.NotNull(stack);
        Assert.Equal(Xml.StackId(Stack), stack.StackId);
        Assert.Equal("UPDATE_COMPLETE", stack.Status);
        Assert.Equal("done", stack.StatusReason);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 10, 5, 0, 456, TimeSpan.Zero), stack.LastUpdatedTime);
        var output = Assert.Single(stack.Outputs);
        Assert.Equal(("OrdersTableName", "shop-test-orders", "OrdersTableName of the app"), (output.Key, output.Value, output.Description));
        Assert.Equal("shop", stack.Tag("stelvio:app"));
    }

    [Fact]
    public async Task DescribeStack_OfAMissingStack_IsNull()
    {
        standIn.On("DescribeStacks", _ => Reply.Error(HttpStatusCode.BadRequest, "ValidationError", $"Stack with id {Stack} does not exist"));

        Assert.Null(await Client().DescribeStackAsync(Stack, default));
    }

    [Fact]
    public async Task DescribeChangeSet_FollowsNextTokenAndJoinsEveryPage()
    {
        standIn.On(
            "DescribeChangeSet",
            Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", nextToken: "page-2", changes: Xml.Change("Add", "OrdersTable", "AWS::DynamoDB::Table")),
            Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Modify", "UsersTable", "AWS::DynamoDB::Table", "True", ("KeySchema", "Always"), ("StreamSpecification", "Never"))));

        var changeSet = await Client().DescribeChangeSetAsync(Stack, "stelvio", default);

        Assert.Equal(["OrdersTable", "UsersTable"], changeSet.Changes.Select(c => c.LogicalResourceId));
        Assert.Equal("page-2", standIn.Of("DescribeChangeSet")[1]["NextToken"]);
        var modify = changeSet.Changes[1];
        Assert.Equal(("Modify", "True", "shop-test-userstable"), (modify.Action, modify.Replacement, modify.PhysicalResourceId));
        Assert.Equal(["Properties"], modify.Scope);
        Assert.Equal([("KeySchema", "Always"), ("StreamSpecification", "Never")], modify.Details.Select(d => (d.Name, d.RequiresRecreation)));
        Assert.Equal("DirectModification", modify.Details[0].ChangeSource);
        Assert.Equal(("CREATE_COMPLETE", "AVAILABLE"), (changeSet.Status, changeSet.ExecutionStatus));
    }

    [Theory]
    [InlineData("The submitted information didn't contain changes. Submit different information to create a change set.", true)]
    [InlineData("No updates are to be performed.", true)]
    [InlineData("Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template", false)]
    public async Task DescribeChangeSet_TellsAnEmptyChangeSetFromAFailedOne(string reason, bool empty)
    {
        standIn.On("DescribeChangeSet", Xml.DescribeChangeSet(Stack, "FAILED", reason, "UNAVAILABLE"));

        var changeSet = await Client().DescribeChangeSetAsync(Stack, "stelvio", default);

        Assert.Equal(empty, changeSet.IsEmpty);
        Assert.Equal(reason, changeSet.StatusReason);
    }

    [Fact]
    public async Task DescribeStackEvents_ReadsEventsNewestFirstWithReasonsAndTheNextToken()
    {
        standIn.On("DescribeStackEvents", Xml.DescribeStackEvents(
            "older",
            Xml.Event("e2", Stack, "OrdersTable", "AWS::DynamoDB::Table", "CREATE_FAILED", "Resource handler returned message: \"Invalid KeySchema\"", 2),
            Xml.Event("e1", Stack, Stack, "AWS::CloudFormation::Stack", "CREATE_IN_PROGRESS", "User Initiated", 1)));

        var (events, next) = await Client().DescribeStackEventsAsync(Stack, null, default);

        Assert.Equal("older", next);
        Assert.Equal(["e2", "e1"], events.Select(e => e.EventId));
        Assert.Equal(("OrdersTable", "CREATE_FAILED", "Resource handler returned message: \"Invalid KeySchema\""), (events[0].LogicalResourceId, events[0].ResourceStatus, events[0].ResourceStatusReason));
        Assert.False(events[0].IsStackEvent);
        Assert.True(events[1].IsStackEvent);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 10, 0, 2, TimeSpan.Zero), events[0].Timestamp);
    }

    [Fact]
    public async Task GetTemplate_AsksForTheOriginalStageAndReturnsTheBody()
    {
        standIn.On("GetTemplate", Xml.GetTemplate("{\"Resources\": {}}"));

        var body = await Client().GetTemplateAsync(Stack, default);

        Assert.Equal("{\"Resources\": {}}", body);
        Assert.Equal("Original", standIn.Of("GetTemplate")[0]["TemplateStage"]);
    }

    [Fact]
    public async Task Throttling_IsRetriedWithBackoffUntilItPasses()
    {
        standIn.On(
            "DescribeStacks",
            _ => Reply.Error(HttpStatusCode.BadRequest, "Throttling", "Rate exceeded"),
            _ => Reply.Error(HttpStatusCode.BadRequest, "Throttling", "Rate exceeded"),
            _ => Reply.Error(HttpStatusCode.TooManyRequests, "TooManyRequestsException", "Slow down"),
            _ => Reply.Ok(Xml.DescribeStacks(Stack, "CREATE_COMPLETE")));

        var stack = await Client().DescribeStackAsync(Stack, default);

        Assert.Equal("CREATE_COMPLETE", stack!.Status);
        Assert.Equal(4, standIn.Of("DescribeStacks").Count);
    }

    [Fact]
    public async Task Throttling_ThatNeverStops_FailsAfterTheConfiguredAttempts()
    {
        standIn.On("DescribeStacks", _ => Reply.Error(HttpStatusCode.BadRequest, "Throttling", "Rate exceeded"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client(new RetryPolicy { MaxThrottleAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1) }).DescribeStackAsync(Stack, default));

        Assert.Equal("Throttling", error.Code);
        Assert.True(error.IsThrottling);
        Assert.Equal(3, standIn.Of("DescribeStacks").Count);
    }

    [Fact]
    public async Task ServiceFailures_AreRetried_ButValidationErrorsAreNot()
    {
        standIn.On("ListStackResources", _ => Reply.Error(HttpStatusCode.InternalServerError, "InternalFailure", "oops", "Receiver"), _ => Reply.Ok(Xml.ListStackResources(null)));
        standIn.On("DeleteStack", _ => Reply.Error(HttpStatusCode.BadRequest, "ValidationError", "Stack [x] cannot be deleted while TerminationProtection is enabled"));

        await Client().ListStackResourcesAsync(Stack, default);
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client().DeleteStackAsync(Stack, default));

        Assert.Equal(2, standIn.Of("ListStackResources").Count);
        Assert.Single(standIn.Of("DeleteStack"));
        Assert.Equal(("ValidationError", "Stack [x] cannot be deleted while TerminationProtection is enabled"), (error.Code, error.ServiceMessage));
    }

    [Fact]
    public async Task AnHtmlErrorPage_BecomesAnErrorWithItsText()
    {
        // moto answers some hard errors with an HTML 500 page on the XML endpoint.
        standIn.On("ExecuteChangeSet", _ => new Reply(HttpStatusCode.InternalServerError, "<!doctype html><html><title>500 Internal Server Error</title><p>KeyError: 'Role'</p></html>", "text/html"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client(new RetryPolicy { MaxTransientAttempts = 1 }).ExecuteChangeSetAsync(Stack, "c", default));

        Assert.Equal("HTTP500", error.Code);
        Assert.Contains("KeyError: 'Role'", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJsonErrorBody_IsReadByItsType()
    {
        standIn.On("DeleteChangeSet", _ => new Reply(HttpStatusCode.BadRequest, "{\"__type\": \"com.amazonaws#ChangeSetNotFound\", \"message\": \"ChangeSet [c] does not exist\"}", "application/json"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client().DeleteChangeSetAsync(Stack, "c", default));

        Assert.Equal(("ChangeSetNotFound", "ChangeSet [c] does not exist"), (error.Code, error.ServiceMessage));
    }
}
