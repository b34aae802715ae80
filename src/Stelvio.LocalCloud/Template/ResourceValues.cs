using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Template;

/// <summary>
/// What <c>Ref</c> and <c>Fn::GetAtt</c> give for each resource locally: names (declared, or generated as
/// CloudFormation would, deterministically), ARNs in AWS's format, and for tables the ARN and stream ARN the engine
/// reports (a table is created in the engine the first time one of its attributes is asked for).
/// </summary>
internal sealed class ResourceValues(TemplateDocument template, PseudoParameters pseudo, Func<TemplateResource, LocalTable> table) : IResourceValues
{
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private readonly HashSet<string> naming = new(StringComparer.Ordinal);

    /// <summary>Set once, right after construction (the resolver and these values refer to each other).</summary>
    public IntrinsicResolver Resolver { get; set; } = null!;

    /// <summary>
    /// The resource's physical name (or ID): its name property resolved, else the name CloudFormation would
    /// generate; an event source mapping's UUID.
    /// </summary>
    public string Name(TemplateResource resource)
    {
        if (names.TryGetValue(resource.LogicalId, out var known))
        {
            return known;
        }

        if (!naming.Add(resource.LogicalId))
        {
            throw new LocalTemplateException(resource.LogicalId, "Properties", "its name refers to itself (through Ref, Fn::GetAtt or Fn::Sub).");
        }

        var (property, maxLength) = resource.Type switch
        {
            ResourceTypes.Table => ("TableName", 255),
            ResourceTypes.Function => ("FunctionName", 64),
            ResourceTypes.Role => ("RoleName", 64),
            ResourceTypes.Queue => ("QueueName", 80),
            ResourceTypes.Topic => ("TopicName", 256),
            _ => ((string?)null, 255),
        };
        string name;
        if (resource.Type == ResourceTypes.EventSourceMapping)
        {
            name = PhysicalNames.Uuid(pseudo.StackName, resource.LogicalId);
        }
        else if (property is not null && resource.Properties[property] is { } declared)
        {
            name = Resolver.ResolveString(declared, resource.LogicalId, "Properties." + property);
        }
        else
        {
            name = PhysicalNames.Generated(pseudo.StackName, resource.LogicalId, maxLength);
        }

        naming.Remove(resource.LogicalId);
        names[resource.LogicalId] = name;
        return name;
    }

    public JsonNode Ref(string logicalId, string usedBy, string path)
    {
        var resource = Created(logicalId, usedBy, path);
        return resource.Type switch
        {
            ResourceTypes.Queue => LocalArns.QueueUrl(pseudo.Region, pseudo.AccountId, Name(resource)),
            ResourceTypes.Topic => LocalArns.Topic(pseudo.Region, pseudo.AccountId, Name(resource)),
            ResourceTypes.Table or ResourceTypes.Function or ResourceTypes.Role or ResourceTypes.Policy or ResourceTypes.EventSourceMapping => Name(resource),
            _ => throw NotLocal(resource, usedBy, path),
        };
    }

    public JsonNode GetAtt(string logicalId, string attribute, string usedBy, string path)
    {
        var resource = Created(logicalId, usedBy, path);
        JsonNode? value = (resource.Type, attribute) switch
        {
            (ResourceTypes.Table, "Arn") => table(resource).Arn,
            (ResourceTypes.Table, "StreamArn") => table(resource).StreamArn
                ?? throw new LocalTemplateException(usedBy, path, $"asks for {logicalId}.StreamArn, but table {logicalId} has no StreamSpecification, so no stream."),
            (ResourceTypes.Function, "Arn") => LocalArns.Function(pseudo.Region, pseudo.AccountId, Name(resource)),
            (ResourceTypes.Role, "Arn") => LocalArns.Role(pseudo.AccountId, Name(resource), RolePath(resource)),
            (ResourceTypes.Role, "RoleId") => PhysicalNames.RoleId(pseudo.StackName, logicalId),
            (ResourceTypes.Policy, "Id") => Name(resource),
            (ResourceTypes.EventSourceMapping, "Id") => Name(resource),
            (ResourceTypes.EventSourceMapping, "EventSourceMappingArn") => LocalArns.EventSourceMapping(pseudo.Region, pseudo.AccountId, Name(resource)),
            (ResourceTypes.Queue, "Arn") => LocalArns.Queue(pseudo.Region, pseudo.AccountId, Name(resource)),
            (ResourceTypes.Queue, "QueueName") => Name(resource),
            (ResourceTypes.Queue, "QueueUrl") => LocalArns.QueueUrl(pseudo.Region, pseudo.AccountId, Name(resource)),
            (ResourceTypes.Topic, "TopicArn") => LocalArns.Topic(pseudo.Region, pseudo.AccountId, Name(resource)),
            (ResourceTypes.Topic, "TopicName") => Name(resource),
            (ResourceTypes.Table or ResourceTypes.Function or ResourceTypes.Role or ResourceTypes.Policy or ResourceTypes.EventSourceMapping or ResourceTypes.Queue or ResourceTypes.Topic, _) => null,
            _ => throw NotLocal(resource, usedBy, path),
        };
        return value ?? throw new LocalTemplateException(usedBy, path,
            $"asks for {logicalId}.{attribute}, an attribute of {resource.Type} the local cloud has no value for (it has {Attributes(resource.Type)}).");
    }

    /// <summary>The role's <c>Path</c> (default <c>/</c>), as its ARN carries it.</summary>
    public string RolePath(TemplateResource role) =>
        role.Properties["Path"] is { } path ? Resolver.ResolveString(path, role.LogicalId, "Properties.Path") : "/";

    private TemplateResource Created(string logicalId, string usedBy, string path)
    {
        var resource = template.ById[logicalId];
        return resource.Condition is { } condition && !Resolver.Condition(condition, logicalId, "Condition")
            ? throw new LocalTemplateException(usedBy, path, $"refers to {logicalId}, which is not created: its condition '{condition}' is false.")
            : resource;
    }

    private static LocalTemplateException NotLocal(TemplateResource resource, string usedBy, string path) =>
        new(usedBy, path, $"refers to {resource.LogicalId} ({resource.Type}), which the local cloud does not run, so it has no local value. Replace the reference with a plain value to run this template locally.");

    private static string Attributes(string type) => type switch
    {
        ResourceTypes.Table => "Arn, StreamArn",
        ResourceTypes.Function => "Arn",
        ResourceTypes.Role => "Arn, RoleId",
        ResourceTypes.Policy => "Id",
        ResourceTypes.EventSourceMapping => "Id, EventSourceMappingArn",
        ResourceTypes.Queue => "Arn, QueueName, QueueUrl",
        _ => "TopicArn, TopicName",
    };
}
