using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Template;

/// <summary>An <c>AWS::IAM::Policy</c> resource: its document and the names of the roles it is attached to.</summary>
internal sealed record AttachedPolicy(LocalPolicy Policy, IReadOnlyList<string> RoleNames);

/// <summary>Reads an <c>AWS::IAM::Policy</c>; attachments to users and groups are noted as not run locally.</summary>
internal static class PolicyReader
{
    public static AttachedPolicy Read(TemplateResource resource, IntrinsicResolver resolver, NotRunLocally notes)
    {
        var id = resource.LogicalId;
        var properties = resolver.ResolveProperties(resource);
        foreach (var (property, _) in properties)
        {
            if (property is not ("PolicyName" or "PolicyDocument" or "Roles"))
            {
                notes.Property(id, property, property is "Users" or "Groups" ? "only policies of the template's roles are evaluated locally" : null);
            }
        }

        var roles = (properties["Roles"] as JsonArray ?? [])
            .Select((role, i) => TemplateValues.Scalar(role, id, $"Properties.Roles[{i}]"))
            .ToList();
        var policy = new LocalPolicy(
            TemplateValues.Required(properties, "PolicyName", id, "the policy's name"),
            id,
            RoleReader.Document(properties["PolicyDocument"], id, "Properties.PolicyDocument"));
        return new AttachedPolicy(policy, roles);
    }
}
