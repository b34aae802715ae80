using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Template;

/// <summary>An execution role and every identity policy attached to it, resolved.</summary>
/// <param name="LogicalId">The template's logical ID.</param>
/// <param name="Name">The role name (<c>RoleName</c>, or the name CloudFormation would generate).</param>
/// <param name="Arn">The role ARN, <c>arn:aws:iam::{account}:role/{name}</c>.</param>
/// <param name="Policies">Inline policies (<c>Policies</c>) and <c>AWS::IAM::Policy</c> resources naming the role, as policy documents.</param>
/// <param name="ManagedPolicyArns">Managed policies attached by ARN (not evaluated locally unless known).</param>
internal sealed record LocalRole(string LogicalId, string Name, string Arn, IReadOnlyList<LocalPolicy> Policies, IReadOnlyList<string> ManagedPolicyArns);

/// <summary>A policy document with every intrinsic resolved.</summary>
/// <param name="Name">The policy's name (<c>PolicyName</c>).</param>
/// <param name="Source">Where it came from (the logical ID of the role or the policy resource).</param>
/// <param name="Document">The policy document (<c>Version</c>, <c>Statement</c>).</param>
internal sealed record LocalPolicy(string Name, string Source, JsonObject Document);
