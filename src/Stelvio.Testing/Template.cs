using System.Text.Json.Nodes;

namespace Stelvio.Testing;

/// <summary>
/// A synthesized template to assert on, in the spirit of CDK's <c>Template.fromStack</c>.
/// </summary>
/// <example>
/// <code>
/// var template = Template.Synth("shop", "test", ShopApp.Declare);
/// template.ResourceCountIs("AWS::DynamoDB::Table", 1);
/// template.HasResourceProperties("AWS::DynamoDB::Table", new { BillingMode = "PAY_PER_REQUEST" });
/// </code>
/// </example>
public sealed class Template
{
    private Template(JsonObject json, SynthResult? result)
    {
        Json = json;
        Result = result;
    }

    /// <summary>The whole template.</summary>
    public JsonObject Json { get; }

    /// <summary>The synth result, when the template came from an app.</summary>
    public SynthResult? Result { get; }

    /// <summary>The warnings synth raised (empty for a template read from JSON).</summary>
    public IReadOnlyList<StelvioWarning> Warnings => Result?.Warnings ?? [];

    /// <summary>
    /// Declares an app, synthesizes it and parses the template bytes. Handler folders are relative to the project
    /// of <paramref name="declare"/>'s method: pass the method the app's program passes to
    /// <c>StelvioApp.RunAsync</c> (for example <c>ShopApp.Declare</c>), and they are found wherever the tests run.
    /// A method of a project without the Stelvio package (a lambda in the test) uses the current directory.
    /// </summary>
    public static Template Synth(string app, string stage, Action<StelvioApp> declare)
    {
        ArgumentNullException.ThrowIfNull(declare);
        return FromApp(StelvioApp.Declare(app, stage, declare, AppProject.DirectoryOf(declare)));
    }

    /// <summary>Declares an app with handler folders relative to <paramref name="projectDirectory"/>, synthesizes it and parses the template bytes.</summary>
    public static Template Synth(string app, string stage, Action<StelvioApp> declare, string projectDirectory)
    {
        ArgumentNullException.ThrowIfNull(projectDirectory);
        return FromApp(StelvioApp.Declare(app, stage, declare, projectDirectory));
    }

    /// <summary>Synthesizes <paramref name="app"/> and parses the template bytes.</summary>
    public static Template FromApp(StelvioApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var result = app.Synth();
        return new Template(JsonNode.Parse(result.TemplateBytes)!.AsObject(), result);
    }

    /// <summary>Parses a template's JSON text.</summary>
    public static Template FromJson(string json) => new(JsonNode.Parse(json)!.AsObject(), null);

    /// <summary>The template's resources, by logical ID.</summary>
    public JsonObject Resources => Json["Resources"]?.AsObject() ?? [];

    /// <summary>The template's outputs, by logical ID.</summary>
    public JsonObject Outputs => Json["Outputs"]?.AsObject() ?? [];

    /// <summary>The resources of a type, by logical ID.</summary>
    public IReadOnlyDictionary<string, JsonObject> FindResources(string type) =>
        Resources.Where(r => r.Value?["Type"]?.GetValue<string>() == type)
            .ToDictionary(r => r.Key, r => r.Value!.AsObject());

    /// <summary>The resource with this logical ID; throws when there is none.</summary>
    public JsonObject Resource(string logicalId) =>
        Resources[logicalId]?.AsObject() ?? throw new TemplateAssertionException($"No resource '{logicalId}'. Resources: {string.Join(", ", Resources.Select(r => r.Key))}");

    /// <summary>The properties of the only resource of a type; throws unless there is exactly one.</summary>
    public JsonObject OnlyProperties(string type)
    {
        var found = FindResources(type);
        return found.Count == 1
            ? found.Single().Value["Properties"]!.AsObject()
            : throw new TemplateAssertionException($"Expected exactly one {type}, found {found.Count}: {string.Join(", ", found.Keys)}");
    }

    /// <summary>Asserts how many resources of a type there are.</summary>
    public void ResourceCountIs(string type, int count)
    {
        var found = FindResources(type);
        if (found.Count != count)
        {
            throw new TemplateAssertionException($"Expected {count} {type}, found {found.Count}: {string.Join(", ", found.Keys)}");
        }
    }

    /// <summary>Asserts some resource of <paramref name="type"/> has properties matching <paramref name="properties"/> (partially).</summary>
    public void HasResourceProperties(string type, object properties) => HasResource(type, new { Properties = properties });

    /// <summary>Asserts some resource of <paramref name="type"/> matches <paramref name="resource"/> (partially), policies included.</summary>
    public void HasResource(string type, object resource)
    {
        var found = FindResources(type);
        if (found.Count == 0)
        {
            throw new TemplateAssertionException($"No resource of type {type}. Types present: {string.Join(", ", Resources.Select(r => r.Value?["Type"]?.ToString()).Distinct())}");
        }

        var report = new List<string>();
        foreach (var (logicalId, json) in found)
        {
            var failures = new List<string>();
            Matcher.Compare(resource, json, true, logicalId, failures, exact: false);
            if (failures.Count == 0)
            {
                return;
            }

            report.Add($"{logicalId}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", failures));
        }

        throw new TemplateAssertionException($"No {type} matches. Closest mismatches:{Environment.NewLine}" + string.Join(Environment.NewLine, report));
    }

    /// <summary>Asserts the resource with <paramref name="logicalId"/> has properties matching <paramref name="properties"/> (partially).</summary>
    public void ResourcePropertiesMatch(string logicalId, object properties)
    {
        var failures = new List<string>();
        Matcher.Compare(new { Properties = properties }, Resource(logicalId), true, logicalId, failures, exact: false);
        if (failures.Count > 0)
        {
            throw new TemplateAssertionException(string.Join(Environment.NewLine, failures));
        }
    }

    /// <summary>Asserts an output exists whose value matches <paramref name="value"/>.</summary>
    public void HasOutput(string logicalId, object value)
    {
        var has = Outputs.TryGetPropertyValue(logicalId, out var output);
        var failures = new List<string>();
        Matcher.Compare(value, output?["Value"], has, $"Outputs.{logicalId}.Value", failures, exact: false);
        if (failures.Count > 0)
        {
            throw new TemplateAssertionException(string.Join(Environment.NewLine, failures));
        }
    }
}
