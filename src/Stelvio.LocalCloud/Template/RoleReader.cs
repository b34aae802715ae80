using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Template;

/// <summary>Reads an <c>AWS::IAM::Role</c>: its name and ARN, inline <c>Policies</c> and <c>ManagedPolicyArns</c>.</summary>
internal static class RoleReader
{
    private static readonly HashSet<string> Honoured = new(StringComparer.Ordinal)
    {
        "RoleName", "AssumeRolePolicyDocument", "Policies", "ManagedPolicyArns", "Path", "Description", "Tags", "MaxSessionDuration",
    };

    public static LocalRole Read(TemplateResource resource, string name, string path, IntrinsicResolver resolver, NotRunLocally notes)
    {
        var id = resource.LogicalId;
        var properties = resolver.ResolveProperties(resource);
        foreach (var (property, _) in properties)
        {
            if (!Honoured.Contains(property))
            {
                notes.Property(id, property, property == "PermissionsBoundary" ? "the permissions boundary is not evaluated locally; the role's own policies are" : null);
            }
        }

        var policies = new List<LocalPolicy>();
        var inline = properties["Policies"] as JsonArray ?? [];
        for (var i = 0; i < inline.Count; i++)
        {
            var policy = inline[i] as JsonObject
                ?? throw new LocalTemplateException(id, $"Properties.Policies[{i}]", "must be an object with PolicyName and PolicyDocument.");
            policies.Add(new LocalPolicy(
                TemplateValues.Required(policy, "PolicyName", id, "each inline policy's name"),
                id,
                Document(policy["PolicyDocument"], id, $"Properties.Policies[{i}].PolicyDocument")));
        }

        var managed = (properties["ManagedPolicyArns"] as JsonArray ?? [])
            .Select((arn, i) => TemplateValues.Scalar(arn, id, $"Properties.ManagedPolicyArns[{i}]"))
            .ToList();
        return new LocalRole(id, name, LocalArns.Role(resolver.Pseudo.AccountId, name, path), policies, managed);
    }

    /// <summary>A policy document: an object (CloudFormation also takes it as JSON text).</summary>
    public static JsonObject Document(JsonNode? node, string logicalId, string path) => node switch
    {
        JsonObject document => document,
        JsonValue when TemplateValues.Text(node) is { } text && JsonNode.Parse(text) is JsonObject parsed => parsed,
        _ => throw new LocalTemplateException(logicalId, path, "must be a policy document (an object with Version and Statement)."),
    };
}
