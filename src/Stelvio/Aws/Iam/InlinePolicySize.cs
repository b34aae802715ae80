using System.Text.Encodings.Web;
using System.Text.Json;
using Stelvio.CloudFormation;
using Stelvio.Links;

namespace Stelvio.Aws.Iam;

/// <summary>
/// IAM's quota on a role's inline policies: 10,240 characters for all of them together, white space not
/// counted ("IAM and AWS STS quotas" in the IAM User Guide). A role over it fails only at deploy, after
/// CloudFormation has created other resources, so Stelvio estimates the size of a function's policy at synth,
/// counting deferred ARNs at the length they will have (<see cref="DeployedValueEstimate"/>).
/// </summary>
internal static class InlinePolicySize
{
    /// <summary>Most characters (white space not counted) of all inline policies of one role.</summary>
    public const int MaxRoleCharacters = 10_240;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The characters, white space not counted, of the policy document holding <paramref name="permissions"/>.</summary>
    public static int Estimate(IEnumerable<AwsPermission> permissions, IDeferredResolver deployed)
    {
        var resolved = permissions.Select(p => new AwsPermission(p.Actions, p.Resources.Select(r => (LinkValue)r.Resolve(deployed))));
        var document = IamPolicies.Document(resolved);
        return document.ToJsonString(Relaxed).Count(c => !char.IsWhiteSpace(c));
    }
}
