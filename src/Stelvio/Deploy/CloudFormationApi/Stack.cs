namespace Stelvio.Deploy.CloudFormationApi;

/// <summary>A stack as <c>DescribeStacks</c> returns it.</summary>
internal sealed record Stack(
    string StackId,
    string StackName,
    string Status,
    string? StatusReason,
    DateTimeOffset? CreationTime,
    DateTimeOffset? LastUpdatedTime,
    IReadOnlyList<StackOutput> Outputs,
    IReadOnlyList<KeyValuePair<string, string>> Tags)
{
    /// <summary>The value of a tag, or null.</summary>
    public string? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key).Value;
}

/// <summary>One output of a stack.</summary>
internal sealed record StackOutput(string Key, string Value, string? Description, string? ExportName);

/// <summary>One event of a stack: a resource (or the stack itself) reaching a status, with CloudFormation's reason.</summary>
internal sealed record StackEvent(
    string EventId,
    string StackName,
    string LogicalResourceId,
    string? PhysicalResourceId,
    string ResourceType,
    DateTimeOffset Timestamp,
    string ResourceStatus,
    string? ResourceStatusReason)
{
    /// <summary>Whether the event is about the stack itself rather than one of its resources.</summary>
    public bool IsStackEvent => ResourceType == "AWS::CloudFormation::Stack" && LogicalResourceId == StackName;
}

/// <summary>One resource of a stack as <c>ListStackResources</c> returns it.</summary>
internal sealed record StackResource(string LogicalResourceId, string? PhysicalResourceId, string ResourceType, string Status, string? StatusReason);
