using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Template;

internal sealed partial class IntrinsicResolver
{
    /// <summary>
    /// <c>Fn::Sub</c>: <c>"text ${Name} ${Res.Attr} ${!Literal}"</c> or <c>["text", {"Name": value}]</c>. A variable
    /// of the map wins; otherwise <c>${Name}</c> is a <c>Ref</c> and <c>${Res.Attr}</c> a <c>Fn::GetAtt</c>.
    /// </summary>
    private string Sub(JsonNode? argument, string logicalId, string path)
    {
        string format;
        var variables = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (argument is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            format = value.GetValue<string>();
        }
        else if (argument is JsonArray { Count: 2 } pair && pair[1] is JsonObject map)
        {
            format = Text(pair[0], logicalId, path + "[0]", "the format string");
            foreach (var (name, node) in map)
            {
                variables[name] = node;
            }
        }
        else
        {
            throw new LocalTemplateException(logicalId, path, "takes a string, or [string, {variables}].");
        }

        var result = new StringBuilder(format.Length);
        var at = 0;
        while (at < format.Length)
        {
            var start = format.IndexOf("${", at, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(format, at, format.Length - at);
                break;
            }

            result.Append(format, at, start - at);
            var end = format.IndexOf('}', start + 2);
            if (end < 0)
            {
                // An unclosed "${" is text, as CloudFormation leaves it.
                result.Append(format, start, format.Length - start);
                break;
            }

            var name = format[(start + 2)..end];
            if (name.StartsWith('!'))
            {
                result.Append("${").Append(name, 1, name.Length - 1).Append('}');
            }
            else
            {
                result.Append(SubVariable(name.Trim(), variables, logicalId, path));
            }

            at = end + 1;
        }

        return result.ToString();
    }

    private string SubVariable(string name, Dictionary<string, JsonNode?> variables, string logicalId, string path)
    {
        var at = $"{path} ${{{name}}}";
        if (variables.TryGetValue(name, out var node))
        {
            return ResolveString(node, logicalId, at);
        }

        if (name.Length == 0)
        {
            throw new LocalTemplateException(logicalId, path, "has an empty variable \"${}\". Name a resource, parameter or pseudo parameter, or write \"${!}\" for the text \"${}\".");
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var resolved = dot > 0 && !name.StartsWith("AWS::", StringComparison.Ordinal)
            ? GetAtt(JsonValue.Create(name), logicalId, at)
            : Ref(name, logicalId, at);
        return AsString(resolved, logicalId, at);
    }
}
