using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Template;

internal sealed partial class IntrinsicResolver
{
    /// <summary><c>Fn::Join</c>: <c>["delimiter", [values]]</c>.</summary>
    private string Join(JsonNode? argument, string logicalId, string path)
    {
        if (argument is not JsonArray { Count: 2 } pair)
        {
            throw new LocalTemplateException(logicalId, path, "takes [\"delimiter\", [values]].");
        }

        var delimiter = Text(pair[0], logicalId, path + "[0]", "a delimiter string");
        var values = List(pair[1], logicalId, path + "[1]");
        return string.Join(delimiter, values.Select((v, i) => AsString(v, logicalId, $"{path}[1][{i}]")));
    }

    /// <summary><c>Fn::Select</c>: <c>[index, [values]]</c>.</summary>
    private JsonNode? Select(JsonNode? argument, string logicalId, string path)
    {
        if (argument is not JsonArray { Count: 2 } pair)
        {
            throw new LocalTemplateException(logicalId, path, "takes [index, [values]].");
        }

        var index = Index(Resolve(pair[0], logicalId, path + "[0]"), logicalId, path + "[0]");
        var values = List(pair[1], logicalId, path + "[1]");
        return index >= 0 && index < values.Count
            ? values[index]?.DeepClone()
            : throw new LocalTemplateException(logicalId, path, $"selects index {index} of a list of {values.Count}.");
    }

    /// <summary><c>Fn::Split</c>: <c>["delimiter", "text"]</c>.</summary>
    private JsonArray Split(JsonNode? argument, string logicalId, string path)
    {
        if (argument is not JsonArray { Count: 2 } pair)
        {
            throw new LocalTemplateException(logicalId, path, "takes [\"delimiter\", \"text\"].");
        }

        var delimiter = Text(pair[0], logicalId, path + "[0]", "a delimiter string");
        if (delimiter.Length == 0)
        {
            throw new LocalTemplateException(logicalId, path + "[0]", "the delimiter is empty.");
        }

        var text = ResolveString(pair[1], logicalId, path + "[1]");
        return new JsonArray([.. text.Split(delimiter).Select(s => (JsonNode)JsonValue.Create(s))]);
    }

    /// <summary><c>Fn::FindInMap</c>: <c>["MapName", "TopKey", "SecondKey"]</c> from the template's <c>Mappings</c>.</summary>
    private JsonNode? FindInMap(JsonNode? argument, string logicalId, string path)
    {
        if (argument is not JsonArray { Count: 3 } keys)
        {
            throw new LocalTemplateException(logicalId, path, "takes [\"MapName\", \"TopLevelKey\", \"SecondLevelKey\"].");
        }

        var map = ResolveString(keys[0], logicalId, path + "[0]");
        var top = ResolveString(keys[1], logicalId, path + "[1]");
        var second = ResolveString(keys[2], logicalId, path + "[2]");
        return template.Mappings[map] is not JsonObject mapping
            ? throw new LocalTemplateException(logicalId, path, $"refers to mapping '{map}', which the template's Mappings do not have.")
            : mapping[top] is not JsonObject level
            ? throw new LocalTemplateException(logicalId, path, $"mapping '{map}' has no key '{top}'.")
            : level.TryGetPropertyValue(second, out var value)
            ? value?.DeepClone()
            : throw new LocalTemplateException(logicalId, path, $"mapping '{map}' has no key '{top}'.'{second}'.");
    }

    private JsonArray List(JsonNode? node, string logicalId, string path) =>
        Resolve(node, logicalId, path) as JsonArray
        ?? throw new LocalTemplateException(logicalId, path, "must be a list.");
}
