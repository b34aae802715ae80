using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Template;

/// <summary>The sections of a CloudFormation template the local cloud reads: resources, parameters, conditions and mappings.</summary>
internal sealed class TemplateDocument
{
    private TemplateDocument(IReadOnlyList<TemplateResource> resources, JsonObject parameters, JsonObject conditions, JsonObject mappings)
    {
        Resources = resources;
        ById = resources.ToDictionary(r => r.LogicalId, StringComparer.Ordinal);
        Parameters = parameters;
        Conditions = conditions;
        Mappings = mappings;
    }

    /// <summary>The resources in template order.</summary>
    public IReadOnlyList<TemplateResource> Resources { get; }

    /// <summary>The resources by logical ID.</summary>
    public IReadOnlyDictionary<string, TemplateResource> ById { get; }

    public JsonObject Parameters { get; }

    public JsonObject Conditions { get; }

    public JsonObject Mappings { get; }

    /// <summary>Parses a template (JSON; the synthesized templates are JSON, not YAML).</summary>
    public static TemplateDocument Parse(ReadOnlySpan<byte> json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException error)
        {
            throw new LocalTemplateException("Template", "(document)", $"is not valid JSON ({error.Message}). Give the template synth writes (a JSON document).", error);
        }

        if (root is not JsonObject template)
        {
            throw new LocalTemplateException("Template", "(document)", "is not a JSON object. Give the template synth writes.");
        }

        if (template["Resources"] is not JsonObject resources)
        {
            throw new LocalTemplateException("Template", "Resources", "is missing or not an object. A template declares its resources under \"Resources\".");
        }

        var list = new List<TemplateResource>();
        foreach (var (logicalId, node) in resources)
        {
            if (node is not JsonObject resource || resource["Type"] is not JsonValue type || type.GetValueKind() != JsonValueKind.String)
            {
                throw new LocalTemplateException(logicalId, "Type", "is missing. Every resource names its type, for example \"AWS::DynamoDB::Table\".");
            }

            var properties = resource["Properties"] switch
            {
                null => [],
                JsonObject p => p,
                _ => throw new LocalTemplateException(logicalId, "Properties", "is not an object."),
            };
            var condition = resource["Condition"] is JsonValue c && c.GetValueKind() == JsonValueKind.String ? c.GetValue<string>() : null;
            list.Add(new TemplateResource(logicalId, type.GetValue<string>(), properties, condition));
        }

        return new TemplateDocument(list, Section(template, "Parameters"), Section(template, "Conditions"), Section(template, "Mappings"));
    }

    private static JsonObject Section(JsonObject template, string name) => template[name] switch
    {
        null => [],
        JsonObject section => section,
        _ => throw new LocalTemplateException("Template", name, "is not an object."),
    };
}
