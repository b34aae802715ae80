namespace Stelvio.Deploy.CloudFormationApi;

/// <summary>Whether a change set creates the stack or updates it.</summary>
internal enum ChangeSetType
{
    Create,
    Update,
}

/// <summary>What <c>CreateChangeSet</c> is asked for.</summary>
/// <param name="StackName">The stack.</param>
/// <param name="ChangeSetName">A name unique for the stack, starting with a letter.</param>
/// <param name="Type">Create a new stack or update the existing one.</param>
/// <param name="TemplateBody">The template inline (at most 51,200 bytes), or null.</param>
/// <param name="TemplateUrl">The template's S3 URL, when too large to be inline, or null.</param>
/// <param name="Capabilities">The capabilities acknowledged, such as <c>CAPABILITY_IAM</c>.</param>
/// <param name="Tags">Stack tags, which CloudFormation also puts on every resource that supports tags.</param>
/// <param name="Description">A note shown in the console.</param>
internal sealed record CreateChangeSetRequest(
    string StackName,
    string ChangeSetName,
    ChangeSetType Type,
    string? TemplateBody,
    string? TemplateUrl,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    string? Description = null);

/// <summary>The identifiers <c>CreateChangeSet</c> answers with.</summary>
internal sealed record ChangeSetIds(string ChangeSetId, string StackId);

/// <summary>A change set as <c>DescribeChangeSet</c> returns it, all pages of changes joined.</summary>
internal sealed record ChangeSet(
    string ChangeSetId,
    string ChangeSetName,
    string StackId,
    string StackName,
    string Status,
    string? StatusReason,
    string ExecutionStatus,
    IReadOnlyList<ResourceChange> Changes)
{
    /// <summary>Whether CloudFormation is still computing the changes.</summary>
    public bool IsPending => Status is "CREATE_PENDING" or "CREATE_IN_PROGRESS";

    /// <summary>
    /// Whether the change set failed only because the template changes nothing. CloudFormation reports
    /// that as a FAILED change set; for a deploy it means "nothing to do".
    /// </summary>
    public bool IsEmpty => Status == "FAILED" && StatusReason is { } reason
        && (reason.Contains("didn't contain changes", StringComparison.OrdinalIgnoreCase)
            || reason.Contains("No updates are to be performed", StringComparison.OrdinalIgnoreCase));
}

/// <summary>What executing a change set does to one resource.</summary>
/// <param name="Action"><c>Add</c>, <c>Modify</c>, <c>Remove</c>, <c>Import</c> or <c>Dynamic</c>.</param>
/// <param name="LogicalResourceId">The resource's logical ID.</param>
/// <param name="PhysicalResourceId">Its name in AWS, for resources that exist.</param>
/// <param name="ResourceType">The CloudFormation type.</param>
/// <param name="Replacement">For <c>Modify</c>: <c>True</c>, <c>False</c> or <c>Conditional</c>.</param>
/// <param name="Scope">What kind of attribute changes: <c>Properties</c>, <c>Metadata</c>, <c>Tags</c>, ...</param>
/// <param name="Details">For <c>Modify</c>: each changed property and whether it forces a replacement.</param>
internal sealed record ResourceChange(
    string Action,
    string LogicalResourceId,
    string? PhysicalResourceId,
    string ResourceType,
    string? Replacement,
    IReadOnlyList<string> Scope,
    IReadOnlyList<ResourceChangeDetail> Details);

/// <summary>One changed attribute of a modified resource.</summary>
/// <param name="Attribute"><c>Properties</c>, <c>Metadata</c>, <c>Tags</c>, ...</param>
/// <param name="Name">The property name, for <c>Properties</c>.</param>
/// <param name="RequiresRecreation"><c>Never</c>, <c>Conditionally</c> or <c>Always</c>.</param>
/// <param name="Evaluation"><c>Static</c> or <c>Dynamic</c>.</param>
/// <param name="ChangeSource">What caused it: <c>DirectModification</c>, <c>ResourceReference</c>, ...</param>
/// <param name="CausingEntity">The resource or parameter that caused it, when not a direct modification.</param>
internal sealed record ResourceChangeDetail(string? Attribute, string? Name, string? RequiresRecreation, string? Evaluation, string? ChangeSource, string? CausingEntity);
