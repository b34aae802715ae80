namespace Stelvio.LocalCloud.Iam.Policies;

/// <summary>
/// One operator–key pair of a statement's <c>Condition</c> block, e.g. <c>"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": ["a", "b"]}</c>.
/// The values are alternatives (any may match); the clauses of one block must all hold.
/// </summary>
/// <param name="Operator">The operator as written, with its <c>ForAllValues:</c>/<c>ForAnyValue:</c> prefix and <c>IfExists</c> suffix.</param>
/// <param name="Key">The condition key (case-insensitive), e.g. <c>aws:RequestedRegion</c>.</param>
/// <param name="Values">The values, as strings (booleans and numbers in their JSON spelling).</param>
internal sealed record ConditionClause(string Operator, string Key, IReadOnlyList<string> Values);
