using System.Net;
using Stelvio.Deploy.Aws;
using Stelvio.Deploy.CloudFormationApi;
using Stelvio.Deploy.Tests.Support.StandIn;

namespace Stelvio.Deploy.Tests.CloudFormationApi;

/// <summary>
/// Calls that change a stack carry an idempotency token, repeated unchanged on retries, so a request that
/// reached CloudFormation but whose answer was lost is sent again safely and its "already done" answer counts
/// as success; a call without a token is not repeated after such a failure.
/// </summary>
public sealed class IdempotentRetryTests : IAsyncLifetime
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

    private CloudFormationClient Client() => new(new AwsQueryClient(
        http,
        new AwsEndpoint(new Uri(standIn.Url), true, "AWS_ENDPOINT_URL"),
        "cloudformation",
        "us-east-1",
        CloudFormationClient.ApiVersion,
        new StaticCredentialSource(new AwsCredentials("AKIDTESTING", "secret", null)),
        new RetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) },
        TimeProvider.System));

    private static Reply TokenAlreadyExists(StandInRequest request) =>
        Reply.Error(HttpStatusCode.BadRequest, "TokenAlreadyExistsException", $"Another {request.Action} request with token {request["ClientRequestToken"]} was received.");

    [Fact]
    public async Task ExecuteChangeSet_WhoseAnswerWasLost_IsRepeatedWithTheSameToken_AndTokenAlreadyExistsCountsAsDone()
    {
        standIn.On("ExecuteChangeSet", _ => Reply.Lost(), TokenAlreadyExists);

        await Client().ExecuteChangeSetAsync(Stack, Xml.ChangeSetId("stelvio"), default);

        var executes = standIn.Of("ExecuteChangeSet");
        Assert.Equal(2, executes.Count);
        Assert.Matches("^[a-zA-Z0-9][-a-zA-Z0-9]{0,127}$", executes[0]["ClientRequestToken"]);
        Assert.Equal(executes[0]["ClientRequestToken"], executes[1]["ClientRequestToken"]);
    }

    [Fact]
    public async Task ExecuteChangeSet_WhoseAnswerWasLost_AndWhoseRepeatSaysTheChangeSetIsExecuting_IsDone()
    {
        standIn.On(
            "ExecuteChangeSet",
            _ => Reply.Lost(),
            _ => Reply.Error(HttpStatusCode.BadRequest, "InvalidChangeSetStatus", "ChangeSet [stelvio] cannot be executed in its current status of [EXECUTE_IN_PROGRESS]"));
        standIn.On("DescribeChangeSet", Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", executionStatus: "EXECUTE_IN_PROGRESS"));

        await Client().ExecuteChangeSetAsync(Stack, Xml.ChangeSetId("stelvio"), default);

        Assert.Equal(2, standIn.Of("ExecuteChangeSet").Count);
    }

    [Fact]
    public async Task ExecuteChangeSet_RefusedOnItsFirstAttempt_IsAnError_EvenWithTheSameCodes()
    {
        standIn.On("ExecuteChangeSet", _ => Reply.Error(HttpStatusCode.BadRequest, "InvalidChangeSetStatus", "ChangeSet [stelvio] cannot be executed in its current status of [EXECUTE_COMPLETE]"));
        standIn.On("DescribeChangeSet", Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", executionStatus: "EXECUTE_COMPLETE"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client().ExecuteChangeSetAsync(Stack, Xml.ChangeSetId("stelvio"), default));

        Assert.Equal("InvalidChangeSetStatus", error.Code);
        Assert.False(error.EarlierAttemptMayHaveSucceeded);
        Assert.Single(standIn.Of("ExecuteChangeSet"));
    }

    [Fact]
    public async Task CreateChangeSet_WhoseAnswerWasLost_IsRepeatedWithTheSameClientToken_AndReadsTheIdsOfTheCreatedChangeSet()
    {
        standIn.On(
            "CreateChangeSet",
            _ => Reply.Lost(),
            r => Reply.Error(HttpStatusCode.BadRequest, "AlreadyExistsException", $"ChangeSet {r["ChangeSetName"]} already exists"));
        standIn.On("DescribeChangeSet", Xml.DescribeChangeSet(Stack, "CREATE_PENDING"));

        var ids = await Client().CreateChangeSetAsync(new CreateChangeSetRequest(Stack, "stelvio", ChangeSetType.Create, "{}", null, [], []), default);

        var creates = standIn.Of("CreateChangeSet");
        Assert.Equal(2, creates.Count);
        Assert.NotNull(creates[0]["ClientToken"]);
        Assert.Equal(creates[0]["ClientToken"], creates[1]["ClientToken"]);
        Assert.Equal((Xml.ChangeSetId("stelvio"), Xml.StackId(Stack)), (ids.ChangeSetId, ids.StackId));
        Assert.Equal("stelvio", standIn.Of("DescribeChangeSet").Single()["ChangeSetName"]);
    }

    [Fact]
    public async Task DeleteStack_AfterAServiceFailure_IsRepeatedWithTheSameToken()
    {
        standIn.On("DeleteStack", _ => Reply.Error(HttpStatusCode.InternalServerError, "InternalFailure", "oops", "Receiver"), TokenAlreadyExists);

        await Client().DeleteStackAsync(Stack, default);

        var deletes = standIn.Of("DeleteStack");
        Assert.Equal(2, deletes.Count);
        Assert.NotNull(deletes[0]["ClientRequestToken"]);
        Assert.Equal(deletes[0]["ClientRequestToken"], deletes[1]["ClientRequestToken"]);
    }

    [Fact]
    public async Task EachCall_HasItsOwnToken()
    {
        standIn.On("DeleteStack", Xml.Empty("DeleteStack"));

        await Client().DeleteStackAsync(Stack, default);
        await Client().DeleteStackAsync(Stack, default);

        var tokens = standIn.Of("DeleteStack").Select(r => r["ClientRequestToken"]).ToList();
        Assert.NotEqual(tokens[0], tokens[1]);
    }

    [Fact]
    public async Task DeleteChangeSet_WithoutAToken_IsNotRepeatedAfterItsAnswerWasLost_AndSaysItMayHaveBeenCarriedOut()
    {
        standIn.On("DeleteChangeSet", _ => Reply.Lost(), _ => Reply.Ok(Xml.Empty("DeleteChangeSet")));

        var error = await Assert.ThrowsAsync<DeployException>(() => Client().DeleteChangeSetAsync(Stack, "stelvio", default));

        Assert.Single(standIn.Of("DeleteChangeSet"));
        Assert.StartsWith($"cloudformation:DeleteChangeSet was sent to {standIn.Url}", error.Message, StringComparison.Ordinal);
        Assert.Contains("may or may not have been carried out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_AreRepeatedAfterALostAnswer()
    {
        standIn.On("DescribeStacks", _ => Reply.Lost(), _ => Reply.Ok(Xml.DescribeStacks(Stack, "CREATE_COMPLETE")));

        var stack = await Client().DescribeStackAsync(Stack, default);

        Assert.Equal("CREATE_COMPLETE", stack!.Status);
        Assert.Equal(2, standIn.Of("DescribeStacks").Count);
    }

    [Theory]
    [InlineData("DescribeStacks", true)]
    [InlineData("GetTemplate", true)]
    [InlineData("ListStackResources", true)]
    [InlineData("DeleteChangeSet", false)]
    [InlineData("ExecuteChangeSet", false)]
    public void SafeToRepeat_AreReadsAndCallsWithAToken(string action, bool safe)
    {
        Assert.Equal(safe, AwsQueryClient.IsSafeToRepeat(action, new QueryParameters().Add("StackName", Stack)));
        Assert.True(AwsQueryClient.IsSafeToRepeat(action, new QueryParameters().Add("ClientRequestToken", "t")));
    }
}
