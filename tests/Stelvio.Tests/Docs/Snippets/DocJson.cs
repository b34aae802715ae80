using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stelvio.Tests.Docs.Snippets;

/// <summary>How the doc shows template fragments and messages.</summary>
internal static class DocJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Indented JSON, as cfn-lint and the AWS console show templates.</summary>
    public static string Show(JsonNode? node) => node?.ToJsonString(Indented) ?? "null";

    /// <summary>The properties <paramref name="names"/> of a resource, in that order, as indented JSON.</summary>
    public static string Properties(Stelvio.Testing.Template template, string logicalId, params string[] names)
    {
        var properties = template.Resource(logicalId)["Properties"]!.AsObject();
        var shown = new JsonObject();
        foreach (var name in names)
        {
            shown[name] = properties[name]?.DeepClone() ?? throw new InvalidOperationException($"{logicalId} has no property {name}.");
        }

        return Show(shown);
    }

    /// <summary>The statements of a policy, as indented JSON.</summary>
    public static string Statements(Stelvio.Testing.Template template, string policyLogicalId) =>
        Show(template.Resource(policyLogicalId)["Properties"]!["PolicyDocument"]!["Statement"]);

    /// <summary>The warnings of a synth, as the synth command prints them.</summary>
    public static string Warnings(Stelvio.Testing.Template template) => string.Join('\n', template.Warnings.Select(w => "Warning: " + w));

    /// <summary>The resources of a template: logical ID and type, aligned.</summary>
    public static string Resources(Stelvio.Testing.Template template)
    {
        var width = template.Resources.Max(r => r.Key.Length) + 2;
        return string.Join('\n', template.Resources.Select(r => r.Key.PadRight(width) + r.Value!["Type"]!.GetValue<string>()));
    }
}
