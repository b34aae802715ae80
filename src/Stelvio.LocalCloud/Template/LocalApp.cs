namespace Stelvio.LocalCloud.Template;

/// <summary>
/// An app as the local cloud runs it: what the synthesized template declares, with every intrinsic
/// (<c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Sub</c>, <c>Fn::Join</c>, pseudo parameters) resolved to local values.
/// </summary>
/// <param name="Region">The local region (ARNs and <c>AWS_REGION</c>).</param>
/// <param name="AccountId">The fixed local account ID (ARNs).</param>
/// <param name="Tables">The <c>AWS::DynamoDB::Table</c> resources.</param>
/// <param name="Functions">The <c>AWS::Lambda::Function</c> resources.</param>
/// <param name="Roles">The <c>AWS::IAM::Role</c> resources, each with the policies attached to it.</param>
/// <param name="EventSourceMappings">The <c>AWS::Lambda::EventSourceMapping</c> resources.</param>
/// <param name="NotRunLocally">
/// Each resource type, property or policy condition the local cloud cannot honour, once, in words a user reads at
/// start-up (for example <c>"OrdersTable: PointInTimeRecoverySpecification is accepted but not run locally."</c>).
/// </param>
internal sealed record LocalApp(
    string Region,
    string AccountId,
    IReadOnlyList<LocalTable> Tables,
    IReadOnlyList<LocalFunction> Functions,
    IReadOnlyList<LocalRole> Roles,
    IReadOnlyList<LocalEventSourceMapping> EventSourceMappings,
    IReadOnlyList<string> NotRunLocally);
