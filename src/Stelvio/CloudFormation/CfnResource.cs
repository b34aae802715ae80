using System.Text.Json.Nodes;

namespace Stelvio.CloudFormation;

/// <summary>One resource of a template: its logical ID, type, properties and policies.</summary>
internal sealed class CfnResource(string logicalId, string type, JsonObject properties)
{
    public string LogicalId { get; } = logicalId;

    /// <summary>The CloudFormation type, for example <c>AWS::DynamoDB::Table</c>.</summary>
    public string Type { get; } = type;

    /// <summary>The resource's properties, in the order they are written.</summary>
    public JsonObject Properties { get; } = properties;

    /// <summary>Explicit dependencies beyond those the properties already imply.</summary>
    public List<string> DependsOn { get; } = [];

    /// <summary><c>Delete</c>, <c>Retain</c>, <c>RetainExceptOnCreate</c> or <c>Snapshot</c>; null leaves CloudFormation's default.</summary>
    public string? DeletionPolicy { get; set; }

    /// <summary>As <see cref="DeletionPolicy"/>, for replacements.</summary>
    public string? UpdateReplacePolicy { get; set; }

    /// <summary>The component that declared this resource, as "Kind 'name'".</summary>
    public string? Component { get; init; }
}

/// <summary>One output of a template.</summary>
internal sealed record CfnOutput(string LogicalId, JsonNode Value, string Description);
