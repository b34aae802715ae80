namespace Stelvio.LocalCloud.Iam.Policies;

/// <summary>
/// IAM's evaluation of identity policies: an explicit Deny wins over any Allow, an Allow over the implicit deny.
/// A statement applies when it names the action (<c>Action</c>/<c>NotAction</c>), the resource
/// (<c>Resource</c>/<c>NotResource</c>) and every condition clause holds.
/// </summary>
/// <remarks>
/// A condition clause the local cloud cannot evaluate (<see cref="ConditionOutcome.Unknown"/>; each is listed at
/// start-up in <see cref="IamEnforcer.NotEvaluated"/>) is taken in the caller's favour: an Allow statement applies as
/// if it held, a Deny statement as if it did not. So a local denial is always one AWS would make too; what the local
/// cloud cannot check can only let through a call AWS might refuse.
/// </remarks>
internal static class PolicyEvaluator
{
    public static PolicyDecision Evaluate(IEnumerable<PolicyStatement> statements, string action, string resource, RequestContext context)
    {
        PolicyStatement? allow = null;
        foreach (var statement in statements)
        {
            if (!statement.CoversAction(action) || !statement.CoversResource(resource))
            {
                continue;
            }
            var deny = statement.Effect == PolicyEffect.Deny;
            if (!ConditionsHold(statement, context, unknownHolds: !deny))
            {
                continue;
            }
            if (deny)
            {
                return new PolicyDecision(PolicyDecisionKind.ExplicitDeny, statement);
            }
            allow ??= statement;
        }
        return allow is null ? PolicyDecision.Implicit : new PolicyDecision(PolicyDecisionKind.Allowed, allow);
    }

    private static bool ConditionsHold(PolicyStatement statement, RequestContext context, bool unknownHolds)
    {
        foreach (var clause in statement.Conditions)
        {
            var outcome = ConditionEvaluator.Evaluate(clause, context);
            if (outcome == ConditionOutcome.False || (outcome == ConditionOutcome.Unknown && !unknownHolds))
            {
                return false;
            }
        }
        return true;
    }
}
