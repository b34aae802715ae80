namespace Stelvio.LocalCloud.Iam.Policies;

/// <summary>The outcome of evaluating a role's policies for one action on one resource.</summary>
internal enum PolicyDecisionKind
{
    Allowed,

    /// <summary>No statement allows it.</summary>
    ImplicitDeny,

    /// <summary>A Deny statement names it.</summary>
    ExplicitDeny,
}

/// <summary>A decision and the statement that made it (the Allow or the Deny; none for an implicit deny).</summary>
internal sealed record PolicyDecision(PolicyDecisionKind Kind, PolicyStatement? Statement)
{
    public static readonly PolicyDecision Implicit = new(PolicyDecisionKind.ImplicitDeny, null);
}
