using Stelvio.Deploy.CloudFormationApi;

namespace Stelvio.Deploy;

/// <summary>A change set ready to be shown and executed, or the finding that the stack is up to date.</summary>
/// <param name="StackName">The stack.</param>
/// <param name="ExistingStack">The stack as it was before, or null when the change set creates it.</param>
/// <param name="Type">Whether the change set creates or updates the stack.</param>
/// <param name="ChangeSet">The computed change set, or null when nothing would change.</param>
internal sealed record ChangeSetPlan(string StackName, Stack? ExistingStack, ChangeSetType Type, ChangeSet? ChangeSet)
{
    /// <summary>Whether the template changes nothing: there is nothing to execute.</summary>
    public bool IsEmpty => ChangeSet is null;

    /// <summary>The stack's ID, once CloudFormation has one.</summary>
    public string? StackId => ChangeSet?.StackId ?? ExistingStack?.StackId;
}
