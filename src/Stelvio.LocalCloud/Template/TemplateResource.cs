using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Template;

/// <summary>One entry of the template's <c>Resources</c>, as written (intrinsics unresolved).</summary>
/// <param name="LogicalId">The resource's key in <c>Resources</c>.</param>
/// <param name="Type">For example <c>AWS::DynamoDB::Table</c>.</param>
/// <param name="Properties">Its <c>Properties</c> (empty when it has none).</param>
/// <param name="Condition">The name of the condition it is created under, if any.</param>
internal sealed record TemplateResource(string LogicalId, string Type, JsonObject Properties, string? Condition);
