using System.Xml.Linq;
using Stelvio.Deploy.Aws;

namespace Stelvio.Deploy.CloudFormationApi;

/// <summary>
/// A small typed client for the CloudFormation Query API (version 2010-05-15): exactly the calls the
/// deploy commands make. Responses are read in the shapes the CloudFormation API Reference documents.
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
            .AddTags("Tags", request.Tags);
        var result = await query.CallAsync("CreateChangeSet", parameters, cancellationToken);
        return new ChangeSetIds(result.Required("Id"), result.Required("StackId"));
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
    public Task ExecuteChangeSetAsync(string stackName, string changeSetName, CancellationToken cancellationToken) =>
        query.CallAsync("ExecuteChangeSet", new QueryParameters().Add("StackName", stackName).Add("ChangeSetName", changeSetName), cancellationToken);

    /// <summary>Deletes a change set that was not executed.</summary>
    public Task DeleteChangeSetAsync(string stackName, string changeSetName, CancellationToken cancellationToken) =>
        query.CallAsync("DeleteChangeSet", new QueryParameters().Add("StackName", stackName).Add("ChangeSetName", changeSetName), cancellationToken);

    /// <summary>Starts deleting a stack.</summary>
    public Task DeleteStackAsync(string stackName, CancellationToken cancellationToken) =>
        query.CallAsync("DeleteStack", new QueryParameters().Add("StackName", stackName), cancellationToken);

    /// <summary>
    /// One page of the stack's events, newest first, and the token of the next (older) page.
    /// </summary>
    public async Task<(IReadOnlyList<StackEvent> Events, string? NextToken)> DescribeStackEventsAsync(string stackName, string? nextToken, CancellationToken cancellationToken)
    {
        var result = await query.CallAsync("DescribeStackEvents", new QueryParameters().Add("StackName", stackName).Add("NextToken", nextToken), cancellationToken);
        var events = result.Members("StackEvents").Select(ReadEvent).ToList();
        return (events, result.Text("NextToken") is { Length: > 0 } token ? token : null);
    }

    /// <summary>The stack's resources.</summary>
    public async Task<IReadOnlyList<StackResource>> DescribeStackResourcesAsync(string stackName, CancellationToken cancellationToken)
    {
        var result = await query.CallAsync("DescribeStackResources", new QueryParameters().Add("StackName", stackName), cancellationToken);
        return result.Members("StackResources").Select(r => new StackResource(
            r.Required("LogicalResourceId"),
            r.Text("PhysicalResourceId"),
            r.Required("ResourceType"),
            r.Text("ResourceStatus") ?? "",
            r.Text("ResourceStatusReason"))).ToList();
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
