namespace Stelvio.LocalCloud.Iam.Policies;

/// <summary>One statement of an identity policy, as parsed. Exactly one of <see cref="Actions"/>/<see cref="NotActions"/> and of <see cref="Resources"/>/<see cref="NotResources"/> is set.</summary>
/// <param name="Origin">Where it came from, for messages: the role, the policy and the statement's <c>Sid</c> or index.</param>
/// <param name="Effect">Allow or Deny.</param>
/// <param name="Actions">The <c>Action</c> patterns.</param>
/// <param name="NotActions">The <c>NotAction</c> patterns.</param>
/// <param name="Resources">The <c>Resource</c> patterns.</param>
/// <param name="NotResources">The <c>NotResource</c> patterns.</param>
/// <param name="Conditions">The <c>Condition</c> clauses (all must hold).</param>
internal sealed record PolicyStatement(
    string Origin,
    PolicyEffect Effect,
    IReadOnlyList<string>? Actions,
    IReadOnlyList<string>? NotActions,
    IReadOnlyList<string>? Resources,
    IReadOnlyList<string>? NotResources,
    IReadOnlyList<ConditionClause> Conditions)
{
    /// <summary>Whether the statement names <paramref name="action"/> (case-insensitive, with wildcards).</summary>
    public bool CoversAction(string action) => Actions is not null
        ? Actions.Any(a => WildcardPattern.Matches(a, action, ignoreCase: true))
        : !NotActions!.Any(a => WildcardPattern.Matches(a, action, ignoreCase: true));

    /// <summary>Whether the statement names <paramref name="resource"/> (case-sensitive, with wildcards).</summary>
    public bool CoversResource(string resource) => Resources is not null
        ? Resources.Any(r => WildcardPattern.Matches(r, resource, ignoreCase: false))
        : !NotResources!.Any(r => WildcardPattern.Matches(r, resource, ignoreCase: false));
}
