using System.Text.Json.Nodes;

namespace Stelvio.CloudFormation.Resources;

/// <summary>The properties of <c>AWS::IAM::Role</c> that Stelvio writes, in template order.</summary>
/// <remarks>No <c>RoleName</c>: CloudFormation names the role, so the same app can be deployed to several regions of one account (role names are global).</remarks>
internal sealed record CfnRole
{
    public const string Type = "AWS::IAM::Role";

    public required JsonObject AssumeRolePolicyDocument { get; init; }

    public IReadOnlyList<JsonNode> ManagedPolicyArns { get; init; } = [];

    public string? Description { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    public JsonObject Render()
    {
        var properties = new JsonObject { ["AssumeRolePolicyDocument"] = AssumeRolePolicyDocument.DeepClone() };
        if (ManagedPolicyArns.Count > 0)
        {
            properties["ManagedPolicyArns"] = new JsonArray([.. ManagedPolicyArns.Select(a => a.DeepClone())]);
        }

        if (Description is not null)
        {
            properties["Description"] = Description;
        }

        if (Tags.Count > 0)
        {
            properties["Tags"] = CfnTags.List(Tags);
        }

        return properties;
    }
}
