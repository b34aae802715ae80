using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Template;

/// <summary>
/// Resolves a template value to its local value: <c>Ref</c> (resources, parameters' defaults, pseudo parameters),
/// <c>Fn::GetAtt</c>, <c>Fn::Sub</c>, <c>Fn::Join</c>, <c>Fn::Select</c>, <c>Fn::Split</c>, <c>Fn::If</c> with the
/// template's conditions, <c>Fn::FindInMap</c>, <c>Fn::Base64</c>, <c>Fn::Length</c> and <c>Fn::ToJsonString</c>.
/// Anything else (<c>Fn::ImportValue</c>, <c>Fn::GetAZs</c>, <c>Fn::Cidr</c>, …) is a <see cref="LocalTemplateException"/>
/// naming where it is used.
/// </summary>
internal sealed partial class IntrinsicResolver(TemplateDocument template, PseudoParameters pseudo, IResourceValues resources)
{
    private const string NoValueName = "AWS::NoValue";

    /// <summary>What <c>{"Ref": "AWS::NoValue"}</c> resolves to: the property or list element is left out.</summary>
    private static readonly JsonValue NoValue = JsonValue.Create(NoValueName);

    public PseudoParameters Pseudo => pseudo;

    /// <summary>Whether a resolved value is <c>AWS::NoValue</c> (the property is to be left out).</summary>
    public static bool IsNoValue(JsonNode? node) => ReferenceEquals(node, NoValue);

    /// <summary>A resource's properties with every intrinsic resolved (a new tree; <c>AWS::NoValue</c> properties left out).</summary>
    public JsonObject ResolveProperties(TemplateResource resource) =>
        (JsonObject)Resolve(resource.Properties, resource.LogicalId, "Properties")!;

    /// <summary>Resolves <paramref name="node"/> (at <paramref name="path"/> of <paramref name="logicalId"/>) to a new tree without intrinsics.</summary>
    public JsonNode? Resolve(JsonNode? node, string logicalId, string path)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray array:
                var items = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    var item = Resolve(array[i], logicalId, $"{path}[{i}]");
                    if (!IsNoValue(item))
                    {
                        items.Add(item);
                    }
                }

                return items;
            case JsonObject obj when obj.Count == 1 && IsIntrinsic(obj.First().Key):
                var (name, argument) = obj.First();
                return Intrinsic(name, argument, logicalId, $"{path}.{name}");
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    var resolved = Resolve(value, logicalId, $"{path}.{key}");
                    if (!IsNoValue(resolved))
                    {
                        result[key] = resolved;
                    }
                }

                return result;
            default:
                return node.DeepClone();
        }
    }

    /// <summary>Resolves a value that must be a string; numbers and booleans give their text, as CloudFormation passes them.</summary>
    public string ResolveString(JsonNode? node, string logicalId, string path) =>
        AsString(Resolve(node, logicalId, path), logicalId, path);

    private static bool IsIntrinsic(string key) => key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal);

    private JsonNode? Intrinsic(string name, JsonNode? argument, string logicalId, string path) => name switch
    {
        "Ref" => Ref(Text(argument, logicalId, path, "the name of a resource, parameter or pseudo parameter"), logicalId, path),
        "Fn::GetAtt" => GetAtt(argument, logicalId, path),
        "Fn::Sub" => Sub(argument, logicalId, path),
        "Fn::Join" => Join(argument, logicalId, path),
        "Fn::Select" => Select(argument, logicalId, path),
        "Fn::Split" => Split(argument, logicalId, path),
        "Fn::If" => If(argument, logicalId, path),
        "Fn::FindInMap" => FindInMap(argument, logicalId, path),
        "Fn::Base64" => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ResolveString(argument, logicalId, path))),
        "Fn::Length" => Resolve(argument, logicalId, path) is JsonArray list
            ? list.Count
            : throw new LocalTemplateException(logicalId, path, "takes a list."),
        "Fn::ToJsonString" => Resolve(argument, logicalId, path)?.ToJsonString() ?? "null",
        "Fn::ImportValue" => throw new LocalTemplateException(logicalId, path,
            "imports an output of another stack, which the local cloud does not run. Replace the import with the value (or a parameter with a Default) to run this template locally."),
        _ => throw new LocalTemplateException(logicalId, path,
            $"{name} is not supported by the local cloud (it resolves Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::If, Fn::FindInMap, Fn::Base64, Fn::Length and Fn::ToJsonString). Replace it with a plain value to run this template locally."),
    };

    /// <summary><c>Ref</c>: a pseudo parameter, a parameter's <c>Default</c> or a resource.</summary>
    private JsonNode Ref(string target, string logicalId, string path)
    {
        if (target == NoValueName)
        {
            return NoValue;
        }

        if (pseudo.Value(target) is { } value)
        {
            return value;
        }

        if (target.StartsWith("AWS::", StringComparison.Ordinal))
        {
            throw new LocalTemplateException(logicalId, path,
                $"'{target}' is not a pseudo parameter (AWS::AccountId, AWS::NotificationARNs, AWS::NoValue, AWS::Partition, AWS::Region, AWS::StackId, AWS::StackName, AWS::URLSuffix).");
        }

        if (template.Parameters[target] is JsonObject parameter)
        {
            return Parameter(target, parameter, logicalId, path);
        }

        if (template.ById.ContainsKey(target))
        {
            return resources.Ref(target, logicalId, path);
        }

        throw new LocalTemplateException(logicalId, path, $"refers to '{target}', which is not a resource, parameter or pseudo parameter of the template.");
    }

    /// <summary>A parameter's value in the local cloud: its <c>Default</c> (lists split at commas).</summary>
    private static JsonNode Parameter(string name, JsonObject parameter, string logicalId, string path)
    {
        var type = parameter["Type"]?.GetValue<string>() ?? "String";
        if (type.StartsWith("AWS::SSM::", StringComparison.Ordinal))
        {
            throw new LocalTemplateException(logicalId, path,
                $"refers to parameter '{name}' of type {type}, read from Systems Manager at deployment; the local cloud reads no SSM parameters. Use a String parameter with a Default to run this template locally.");
        }

        if (parameter["Default"] is not JsonValue value)
        {
            throw new LocalTemplateException(logicalId, path,
                $"refers to parameter '{name}', which has no Default; the local cloud passes no parameter values. Give the parameter a Default to run this template locally.");
        }

        var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        return type == "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal)
            ? new JsonArray([.. text.Split(',').Select(s => (JsonNode)JsonValue.Create(s.Trim()))])
            : JsonValue.Create(text);
    }

    /// <summary><c>Fn::GetAtt</c>: <c>["LogicalId", "Attribute"]</c> or <c>"LogicalId.Attribute"</c>.</summary>
    private JsonNode GetAtt(JsonNode? argument, string logicalId, string path)
    {
        string target, attribute;
        if (argument is JsonArray { Count: 2 } pair)
        {
            target = Text(pair[0], logicalId, path, "[\"LogicalId\", \"Attribute\"]");
            attribute = ResolveString(pair[1], logicalId, path + "[1]");
        }
        else if (argument is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Split('.', 2) is [var left, var right])
        {
            (target, attribute) = (left, right);
        }
        else
        {
            throw new LocalTemplateException(logicalId, path, "takes [\"LogicalId\", \"Attribute\"] or \"LogicalId.Attribute\".");
        }

        return template.ById.ContainsKey(target)
            ? resources.GetAtt(target, attribute, logicalId, path)
            : throw new LocalTemplateException(logicalId, path, $"refers to '{target}', which is not a resource of the template.");
    }

    /// <summary>A resolved value as a string (numbers and booleans as text).</summary>
    private static string AsString(JsonNode? node, string logicalId, string path) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.Number => value.ToJsonString(),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>() ? "true" : "false",
        _ => throw new LocalTemplateException(logicalId, path, $"must be a string, but resolves to {Describe(node)}."),
    };

    /// <summary>A literal string argument (no intrinsic allowed), as in <c>Ref</c>'s target.</summary>
    private static string Text(JsonNode? node, string logicalId, string path, string expected) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new LocalTemplateException(logicalId, path, $"takes {expected}, not {Describe(node)}.");

    private static int Index(JsonNode? node, string logicalId, string path) =>
        node is JsonValue value && (value.GetValueKind() == JsonValueKind.Number
            ? value.TryGetValue<int>(out var number)
            : value.GetValueKind() == JsonValueKind.String && int.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out number))
            ? number
            : throw new LocalTemplateException(logicalId, path, $"takes a whole number as its index, not {Describe(node)}.");

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "a list",
        JsonObject => "an object",
        _ when IsNoValue(node) => "AWS::NoValue",
        _ => node.ToJsonString(),
    };
}
