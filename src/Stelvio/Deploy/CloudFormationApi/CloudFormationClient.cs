using System.Xml.Linq;
using Stelvio.Deploy.Aws;

namespace Stelvio.Deploy.CloudFormationApi;

/// <summary>
/// A small typed client for the CloudFormation Query API (version 2010-05-15): exactly the calls the
/// deploy commands make. Responses are read in the shapes the CloudFormation API Reference documents.
/// Every call that changes a stack carries an idempotency token (<c>ClientToken</c> on <c>CreateChangeSet</c>,
/// <c>ClientRequestToken</c> on <c>ExecuteChangeSet</c> and <c>DeleteStack</c>), the same on every retry,
/// so a request that reached CloudFormation but whose answer was lost can be sent again; an error to such a
/// repeat that says the first one was carried out counts as its success.
/// </summary>
internal sealed class CloudFormationClient(AwsQueryClient query)
{
    /// <summary>The API version every request names.</summary>
    public const string ApiVersion = "2010-05-15";

    /// <summary>The endpoint requests go to.</summary>
    public AwsEndpoint Endpoint => query.Endpoint;

    /// <summary>The stack, or null when no stack of that name exists.</summary>
    public async Task<Stack?> DescribeStackAsync(string stackName, CancellationToken cancellationToken)
    {
        try
        {
            var result = await query.CallAsync("DescribeStacks", new QueryParameters().Add("StackName", stackName), cancellationToken);
            return result.Members("Stacks").Select(ReadStack).FirstOrDefault();
        }
        catch (AwsServiceException exception) when (IsStackMissing(exception))
        {
            return null;
        }
    }

    /// <summary>Creates a change set; CloudFormation then computes it in the background.</summary>
    public async Task<ChangeSetIds> CreateChangeSetAsync(CreateChangeSetRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((request.TemplateBody is null) == (request.TemplateUrl is null))
        {
            throw new ArgumentException("Give exactly one of TemplateBody and TemplateUrl.", nameof(request));
        }

        var parameters = new QueryParameters()
            .Add("StackName", request.StackName)
            .Add("ChangeSetName", request.ChangeSetName)
            .Add("ChangeSetType", request.Type == ChangeSetType.Create ? "CREATE" : "UPDATE")
            .Add("TemplateBody", request.TemplateBody)
            .Add("TemplateURL", request.TemplateUrl)
            .Add("Description", request.Description)
            .AddList("Capabilities", request.Capabilities)
            .AddTags("Tags", request.Tags)
            .Add("ClientToken", NewToken());
        try
        {
            var result = await query.CallAsync("CreateChangeSet", parameters, cancellationToken);
            return new ChangeSetIds(result.Required("Id"), result.Required("StackId"));
        }
        catch (AwsServiceException exception) when (exception.EarlierAttemptMayHaveSucceeded
            && exception.Code is AwsErrorCodes.TokenAlreadyExists or AwsErrorCodes.AlreadyExists)
        {
            // The first attempt created the change set (its name is new for every deploy); only the answer was lost.
            var created = await DescribeChangeSetAsync(request.StackName, request.ChangeSetName, cancellationToken);
            return new ChangeSetIds(created.ChangeSetId, created.StackId);
        }
    }

    /// <summary>Describes a change set, following <c>NextToken</c> until every change is read.</summary>
    public async Task<ChangeSet> DescribeChangeSetAsync(string stackName, string changeSetName, CancellationToken cancellationToken)
    {
        var changes = new List<ResourceChange>();
        string? nextToken = null;
        XElement result;
        do
        {
            var parameters = new QueryParameters()
                .Add("StackName", stackName)
                .Add("ChangeSetName", changeSetName)
                .Add("NextToken", nextToken);
            result = await query.CallAsync("DescribeChangeSet", parameters, cancellationToken);
            changes.AddRange(result.Members("Changes").Select(c => c.Child("ResourceChange")).OfType<XElement>().Select(ReadResourceChange));
            nextToken = result.Text("NextToken") is { Length: > 0 } token ? token : null;
        }
        while (nextToken is not null);

        return new ChangeSet(
            result.Text("ChangeSetId") ?? changeSetName,
            result.Text("ChangeSetName") ?? changeSetName,
            result.Text("StackId") ?? stackName,
            result.Text("StackName") ?? stackName,
            result.Required("Status"),
            result.Text("StatusReason"),
            result.Text("ExecutionStatus") ?? "UNAVAILABLE",
            changes);
    }

    /// <summary>Starts executing a change set.</summary>
    public async Task ExecuteChangeSetAsync(string stackName, string changeSetName, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters().Add("StackName", stackName).Add("ChangeSetName", changeSetName).Add("ClientRequestToken", NewToken());
        try
        {
            await query.CallAsync("ExecuteChangeSet", parameters, cancellationToken);
        }
        catch (AwsServiceException exception) when (exception.EarlierAttemptMayHaveSucceeded && exception.Code == AwsErrorCodes.TokenAlreadyExists)
        {
            // The first attempt started the execution; only the answer was lost.
        }
        catch (AwsServiceException exception) when (exception.EarlierAttemptMayHaveSucceeded && exception.Code == AwsErrorCodes.InvalidChangeSetStatus)
        {
            // Executing or executed: the first attempt started it and only the answer was lost. Otherwise the refusal stands.
            var changeSet = await DescribeChangeSetAsync(stackName, changeSetName, cancellationToken);
            if (changeSet.ExecutionStatus is not ("EXECUTE_IN_PROGRESS" or "EXECUTE_COMPLETE" or "EXECUTE_FAILED"))
            {
                throw;
            }
        }
    }

    /// <summary>Deletes a change set that was not executed. Not retried after a failure that may have reached CloudFormation: it has no token.</summary>
    public Task DeleteChangeSetAsync(string stackName, string changeSetName, CancellationToken cancellationToken) =>
        query.CallAsync("DeleteChangeSet", new QueryParameters().Add("StackName", stackName).Add("ChangeSetName", changeSetName), cancellationToken);

    /// <summary>Starts deleting a stack.</summary>
    public async Task DeleteStackAsync(string stackName, CancellationToken cancellationToken)
    {
        try
        {
            await query.CallAsync("DeleteStack", new QueryParameters().Add("StackName", stackName).Add("ClientRequestToken", NewToken()), cancellationToken);
        }
        catch (AwsServiceException exception) when (exception.EarlierAttemptMayHaveSucceeded && exception.Code == AwsErrorCodes.TokenAlreadyExists)
        {
            // The first attempt started the deletion; only the answer was lost.
        }
    }

    /// <summary>
    /// One page of the stack's events, newest first, and the token of the next (older) page.
    /// </summary>
    public async Task<(IReadOnlyList<StackEvent> Events, string? NextToken)> DescribeStackEventsAsync(string stackName, string? nextToken, CancellationToken cancellationToken)
    {
        var result = await query.CallAsync("DescribeStackEvents", new QueryParameters().Add("StackName", stackName).Add("NextToken", nextToken), cancellationToken);
        var events = result.Members("StackEvents").Select(ReadEvent).ToList();
        return (events, result.Text("NextToken") is { Length: > 0 } token ? token : null);
    }

    /// <summary>
    /// Every resource of the stack, following <c>NextToken</c> (one call of <c>DescribeStackResources</c>
    /// returns only the first 100; a stack holds up to 500).
    /// </summary>
    public async Task<IReadOnlyList<StackResource>> ListStackResourcesAsync(string stackName, CancellationToken cancellationToken)
    {
        var resources = new List<StackResource>();
        string? nextToken = null;
        do
        {
            var result = await query.CallAsync("ListStackResources", new QueryParameters().Add("StackName", stackName).Add("NextToken", nextToken), cancellationToken);
            resources.AddRange(result.Members("StackResourceSummaries").Select(r => new StackResource(
                r.Required("LogicalResourceId"),
                r.Text("PhysicalResourceId"),
                r.Required("ResourceType"),
                r.Text("ResourceStatus") ?? "",
                r.Text("ResourceStatusReason"))));
            nextToken = result.Text("NextToken") is { Length: > 0 } token ? token : null;
        }
        while (nextToken is not null);

        return resources;
    }

    /// <summary>The template the stack was deployed with (as submitted), or null when the stack does not exist.</summary>
    public async Task<string?> GetTemplateAsync(string stackName, CancellationToken cancellationToken)
    {
        try
        {
            var result = await query.CallAsync("GetTemplate", new QueryParameters().Add("StackName", stackName).Add("TemplateStage", "Original"), cancellationToken);
            return result.Text("TemplateBody");
        }
        catch (AwsServiceException exception) when (IsStackMissing(exception))
        {
            return null;
        }
    }

    /// <summary>Whether an error says the stack does not exist (a <c>ValidationError</c> in CloudFormation's words).</summary>
    public static bool IsStackMissing(AwsServiceException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Code == AwsErrorCodes.ValidationError && exception.ServiceMessage.Contains("does not exist", StringComparison.Ordinal);
    }

    /// <summary>
    /// A fresh idempotency token for one call (sent unchanged on each of its retries): letters, digits and
    /// dashes, 40 characters, as <c>ClientRequestToken</c>'s pattern <c>[a-zA-Z0-9][-a-zA-Z0-9]*</c> (1 to 128)
    /// and <c>CreateChangeSet</c>'s <c>ClientToken</c> (1 to 128) allow.
    /// </summary>
    internal static string NewToken() => "stelvio-" + Guid.NewGuid().ToString("N");

    internal static Stack ReadStack(XElement stack) => new(
        stack.Required("StackId"),
        stack.Required("StackName"),
        stack.Required("StackStatus"),
        stack.Text("StackStatusReason"),
        stack.Time("CreationTime"),
        stack.Time("LastUpdatedTime"),
        stack.Members("Outputs").Select(o => new StackOutput(o.Required("OutputKey"), o.Text("OutputValue") ?? "", o.Text("Description"), o.Text("ExportName"))).ToList(),
        stack.Members("Tags").Select(t => new KeyValuePair<string, string>(t.Required("Key"), t.Text("Value") ?? "")).ToList());

    internal static StackEvent ReadEvent(XElement e) => new(
        e.Required("EventId"),
        e.Text("StackName") ?? "",
        e.Text("LogicalResourceId") ?? "",
        e.Text("PhysicalResourceId"),
        e.Text("ResourceType") ?? "",
        e.Time("Timestamp") ?? DateTimeOffset.MinValue,
        e.Text("ResourceStatus") ?? "",
        e.Text("ResourceStatusReason"));

    internal static ResourceChange ReadResourceChange(XElement change) => new(
        change.Required("Action"),
        change.Required("LogicalResourceId"),
        change.Text("PhysicalResourceId"),
        change.Text("ResourceType") ?? "",
        change.Text("Replacement"),
        change.Members("Scope").Select(s => s.Value).ToList(),
        change.Members("Details").Select(d =>
        {
            var target = d.Child("Target");
            return new ResourceChangeDetail(
                target?.Text("Attribute"),
                target?.Text("Name"),
                target?.Text("RequiresRecreation"),
                d.Text("Evaluation"),
                d.Text("ChangeSource"),
                d.Text("CausingEntity"));
        }).ToList());
}
