using System.Globalization;
using Stelvio.Deploy.Aws;
using Stelvio.Deploy.CloudFormationApi;

namespace Stelvio.Deploy;

/// <summary>
/// Drives one stack through CloudFormation: creates a change set and waits for it, discards it, or
/// executes it and follows the stack's events until CloudFormation is done. AWS errors come out as
/// <see cref="DeployException"/> with one clear line.
/// </summary>
internal sealed class StackDeployment(DeployTarget target)
{
    /// <summary>The capabilities every change set acknowledges: IAM roles and policies, named or not.</summary>
    public static readonly IReadOnlyList<string> Capabilities = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"];

    private CloudFormationClient Cfn => target.CloudFormation;

    private TimeSpan PollInterval => target.Services.PollInterval;

    /// <summary>Creates a change set for <paramref name="stackName"/> and waits until CloudFormation has computed it.</summary>
    /// <param name="stackName">The stack.</param>
    /// <param name="template">The template, inline or by URL.</param>
    /// <param name="tags">The stack's tags.</param>
    /// <param name="note">Receives lines worth telling the user (a stack being cleaned up first).</param>
    /// <param name="cancellationToken">Stops waiting; the change set is left to CloudFormation.</param>
    public async Task<ChangeSetPlan> PlanAsync(string stackName, TemplateSource template, IReadOnlyList<KeyValuePair<string, string>> tags, Action<string> note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(note);
        return await Guard(stackName, async () =>
        {
            var stack = await Cfn.DescribeStackAsync(stackName, cancellationToken);
            if (stack is not null)
            {
                stack = await MakeReadyAsync(stack, note, cancellationToken);
            }

            var type = stack is null || stack.Status == "REVIEW_IN_PROGRESS" ? ChangeSetType.Create : ChangeSetType.Update;
            var name = "stelvio-" + target.Services.Time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..6];
            await Cfn.CreateChangeSetAsync(
                new CreateChangeSetRequest(stackName, name, type, template.Body, template.Url, Capabilities, tags, "Created by Stelvio"),
                cancellationToken);

            var changeSet = await Cfn.DescribeChangeSetAsync(stackName, name, cancellationToken);
            for (var polls = 0; changeSet.IsPending; polls++)
            {
                await Task.Delay(polls < 4 ? Min(PollInterval, TimeSpan.FromMilliseconds(500)) : PollInterval, target.Services.Time, cancellationToken);
                changeSet = await Cfn.DescribeChangeSetAsync(stackName, name, cancellationToken);
            }

            var plan = new ChangeSetPlan(stackName, stack, type, changeSet);
            if (changeSet.Status == "FAILED")
            {
                await DiscardAsync(plan, CancellationToken.None);
                if (changeSet.IsEmpty)
                {
                    return plan with { ChangeSet = null };
                }

                throw new DeployException($"CloudFormation could not compute the changes for stack '{stackName}': {changeSet.StatusReason ?? "no reason given"}");
            }

            return plan;
        });
    }

    /// <summary>
    /// Deletes the plan's change set, and the stack too when the change set was to create it (CloudFormation
    /// keeps an empty stack in <c>REVIEW_IN_PROGRESS</c> for it). Best effort: failures are ignored.
    /// </summary>
    public async Task DiscardAsync(ChangeSetPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.ChangeSet is null)
        {
            return;
        }

        try
        {
            await Cfn.DeleteChangeSetAsync(plan.StackName, plan.ChangeSet.ChangeSetId, cancellationToken);
            if (plan.Type == ChangeSetType.Create
                && await Cfn.DescribeStackAsync(plan.StackName, cancellationToken) is { Status: "REVIEW_IN_PROGRESS" })
            {
                await Cfn.DeleteStackAsync(plan.StackName, cancellationToken);
            }
        }
        catch (AwsServiceException)
        {
            // Already gone, or executed meanwhile: nothing left to discard.
        }
    }

    /// <summary>Executes the plan's change set and follows the stack until CloudFormation is done.</summary>
    public async Task<WatchResult> ExecuteAsync(ChangeSetPlan plan, Action<StackEvent> onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var changeSet = plan.ChangeSet ?? throw new InvalidOperationException("An empty plan has nothing to execute.");
        return await Guard(plan.StackName, async () =>
        {
            var mark = await LatestEventIdAsync(changeSet.StackId, cancellationToken);
            await Cfn.ExecuteChangeSetAsync(plan.StackName, changeSet.ChangeSetId, cancellationToken);
            return await WatchAsync(plan.StackName, changeSet.StackId, mark, onEvent, cancellationToken);
        });
    }

    /// <summary>Deletes the stack and follows it until it is gone.</summary>
    public async Task<WatchResult> DestroyAsync(Stack stack, Action<StackEvent> onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return await Guard(stack.StackName, async () =>
        {
            var mark = await LatestEventIdAsync(stack.StackId, cancellationToken);
            await Cfn.DeleteStackAsync(stack.StackName, cancellationToken);
            return await WatchAsync(stack.StackName, stack.StackId, mark, onEvent, cancellationToken);
        });
    }

    /// <summary>
    /// Follows a stack's events, reporting each new one (oldest first) after <paramref name="afterEventId"/>,
    /// until the stack reaches a final status. A stack that disappears counts as <c>DELETE_COMPLETE</c>.
    /// </summary>
    public async Task<WatchResult> WatchAsync(string stackName, string stackId, string? afterEventId, Action<StackEvent> onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var events = new List<StackEvent>();
        if (afterEventId is not null)
        {
            seen.Add(afterEventId);
        }

        for (var polls = 0; ; polls++)
        {
            var fresh = await NewEventsAsync(stackId, seen, cancellationToken);
            foreach (var e in fresh)
            {
                events.Add(e);
                onEvent(e);
            }

            var stack = await DescribeByIdAsync(stackId, cancellationToken);
            var status = stack?.Status ?? "DELETE_COMPLETE";
            if (!StackStatus.IsInProgress(status) && status != "REVIEW_IN_PROGRESS")
            {
                foreach (var e in await NewEventsAsync(stackId, seen, cancellationToken))
                {
                    events.Add(e);
                    onEvent(e);
                }

                return new WatchResult(status, stack?.StatusReason ?? LastStackReason(events, stackName), events, stack);
            }

            await Task.Delay(polls < 4 ? Min(PollInterval, TimeSpan.FromMilliseconds(500)) : PollInterval, target.Services.Time, cancellationToken);
        }
    }

    private async Task<Stack?> MakeReadyAsync(Stack stack, Action<string> note, CancellationToken cancellationToken)
    {
        switch (stack.Status)
        {
            case "ROLLBACK_COMPLETE" or "ROLLBACK_FAILED" or "CREATE_FAILED":
                // A first deploy that failed leaves a stack CloudFormation cannot update; it holds no resources.
                note($"Stack '{stack.StackName}' is in {stack.Status} after a failed first deploy and cannot be updated; deleting it first.");
                var deleted = await DestroyAsync(stack, _ => { }, cancellationToken);
                if (deleted is { Succeeded: false })
                {
                    throw new DeployException($"Stack '{stack.StackName}' could not be deleted ({deleted.FinalStatus}: {deleted.StatusReason}). Delete it in the CloudFormation console, then deploy again.");
                }

                return null;
            case "DELETE_FAILED":
                throw new DeployException($"Stack '{stack.StackName}' failed to delete earlier (DELETE_FAILED: {stack.StatusReason}). Run 'destroy' again, or delete it in the CloudFormation console.");
            case "UPDATE_ROLLBACK_FAILED":
                throw new DeployException($"Stack '{stack.StackName}' is in UPDATE_ROLLBACK_FAILED: {stack.StatusReason} Continue the rollback in the CloudFormation console (Stack actions > Continue update rollback), then deploy again.");
            case var status when StackStatus.IsInProgress(status):
                throw new DeployException($"Stack '{stack.StackName}' is busy ({status}): another deploy or destroy is running. Wait until it ends, then try again: aws cloudformation describe-stack-events --stack-name {stack.StackName}");
            default:
                return stack;
        }
    }

    private async Task<string?> LatestEventIdAsync(string stackId, CancellationToken cancellationToken)
    {
        try
        {
            var (events, _) = await Cfn.DescribeStackEventsAsync(stackId, null, cancellationToken);
            return events.Count > 0 ? events[0].EventId : null;
        }
        catch (AwsServiceException exception) when (CloudFormationClient.IsStackMissing(exception))
        {
            return null;
        }
    }

    private async Task<List<StackEvent>> NewEventsAsync(string stackId, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var fresh = new List<StackEvent>();
        string? token = null;
        try
        {
            for (var page = 0; page < 20; page++)
            {
                var (events, next) = await Cfn.DescribeStackEventsAsync(stackId, token, cancellationToken);
                var reachedSeen = false;
                foreach (var e in events)
                {
                    if (seen.Contains(e.EventId))
                    {
                        reachedSeen = true;
                        break;
                    }

                    fresh.Add(e);
                }

                if (reachedSeen || next is null || seen.Count == 0)
                {
                    break;
                }

                token = next;
            }
        }
        catch (AwsServiceException exception) when (CloudFormationClient.IsStackMissing(exception))
        {
            // The stack is gone (deleted): no more events to read.
        }

        foreach (var e in fresh)
        {
            seen.Add(e.EventId);
        }

        fresh.Reverse();
        return fresh;
    }

    private async Task<Stack?> DescribeByIdAsync(string stackId, CancellationToken cancellationToken)
    {
        var stack = await Cfn.DescribeStackAsync(stackId, cancellationToken);
        return stack is { Status: "DELETE_COMPLETE" } ? null : stack;
    }

    private static string? LastStackReason(List<StackEvent> events, string stackName) =>
        events.LastOrDefault(e => e.LogicalResourceId == stackName && e.ResourceStatusReason is not null)?.ResourceStatusReason;

    private async Task<T> Guard<T>(string stackName, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (AwsServiceException exception)
        {
            throw AwsErrors.Describe(exception, target.Session, stackName);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
