using Stelvio.Deploy.CloudFormationApi;

namespace Stelvio.Deploy;

/// <summary>How a stack operation ended: the final status and the events seen on the way.</summary>
/// <param name="FinalStatus">The stack's status at the end, such as <c>UPDATE_COMPLETE</c> or <c>ROLLBACK_COMPLETE</c>.</param>
/// <param name="StatusReason">CloudFormation's reason for the final status, if any.</param>
/// <param name="Events">The events of the operation, oldest first.</param>
/// <param name="Stack">The stack at the end, or null when it no longer exists.</param>
internal sealed record WatchResult(string FinalStatus, string? StatusReason, IReadOnlyList<StackEvent> Events, Stack? Stack)
{
    /// <summary>Whether the operation did what was asked.</summary>
    public bool Succeeded => StackStatus.IsSuccess(FinalStatus);

    /// <summary>The resources that failed, with CloudFormation's reasons, in the order they failed.</summary>
    public IReadOnlyList<StackEvent> Failures => Events
        .Where(e => !e.IsStackEvent && StackStatus.IsFailure(e.ResourceStatus))
        .ToList();
}
