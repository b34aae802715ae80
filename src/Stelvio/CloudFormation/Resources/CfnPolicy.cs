using System.Text.Json.Nodes;

namespace Stelvio.CloudFormation.Resources;

/// <summary>The properties of <c>AWS::IAM::Policy</c> (an inline policy of roles) that Stelvio writes, in template order.</summary>
internal sealed record CfnPolicy
{
    public const string Type = "AWS::IAM::Policy";

    /// <summary>The policy's name, unique among the role's inline policies.</summary>
    public required string PolicyName { get; init; }

    public required JsonObject PolicyDocument { get; init; }

    /// <summary>The roles the policy is attached to (<c>Ref</c>s to roles give their names).</summary>
    public required IReadOnlyList<JsonNode> Roles { get; init; }

    public JsonObject Render() => new()
    {
        ["PolicyName"] = PolicyName,
        ["PolicyDocument"] = PolicyDocument.DeepClone(),
        ["Roles"] = new JsonArray([.. Roles.Select(r => r.DeepClone())]),
    };
}
