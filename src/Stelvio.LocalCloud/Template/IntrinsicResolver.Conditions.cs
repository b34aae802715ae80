using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Template;

internal sealed partial class IntrinsicResolver
{
    private readonly Dictionary<string, bool> conditions = new(StringComparer.Ordinal);
    private readonly HashSet<string> evaluating = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the template's condition <paramref name="name"/> holds, with parameters at their defaults:
    /// <c>Fn::Equals</c>, <c>Fn::And</c>, <c>Fn::Or</c>, <c>Fn::Not</c> and <c>Condition</c>.
    /// </summary>
    public bool Condition(string name, string logicalId, string path)
    {
        if (conditions.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!template.Conditions.TryGetPropertyValue(name, out var definition))
        {
            throw new LocalTemplateException(logicalId, path, $"refers to condition '{name}', which the template's Conditions do not have.");
        }

        if (!evaluating.Add(name))
        {
            throw new LocalTemplateException("Conditions", name, "refers to itself (through other conditions).");
        }

        var value = Evaluate(definition, "Conditions", name);
        evaluating.Remove(name);
        conditions[name] = value;
        return value;
    }

    /// <summary><c>Fn::If</c>: <c>["Condition", valueIfTrue, valueIfFalse]</c>.</summary>
    private JsonNode? If(JsonNode? argument, string logicalId, string path)
    {
        if (argument is not JsonArray { Count: 3 } parts)
        {
            throw new LocalTemplateException(logicalId, path, "takes [\"ConditionName\", valueIfTrue, valueIfFalse].");
        }

        var name = Text(parts[0], logicalId, path + "[0]", "a condition name");
        return Condition(name, logicalId, path)
            ? Resolve(parts[1], logicalId, path + "[1]")
            : Resolve(parts[2], logicalId, path + "[2]");
    }

    private bool Evaluate(JsonNode? node, string section, string path)
    {
        if (node is not JsonObject { Count: 1 } function)
        {
            throw new LocalTemplateException(section, path, "is not a condition function (Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition).");
        }

        var (name, argument) = function.First();
        var at = $"{path}.{name}";
        switch (name)
        {
            case "Condition":
                return Condition(Text(argument, section, at, "a condition name"), section, at);
            case "Fn::Equals" when argument is JsonArray { Count: 2 } pair:
                return Comparable(Resolve(pair[0], section, at + "[0]")) == Comparable(Resolve(pair[1], section, at + "[1]"));
            case "Fn::Not" when argument is JsonArray { Count: 1 } single:
                return !Evaluate(single[0], section, at + "[0]");
            case "Fn::And" when argument is JsonArray { Count: >= 2 } all:
                return all.Select((c, i) => Evaluate(c, section, $"{at}[{i}]")).ToList().TrueForAll(b => b);
            case "Fn::Or" when argument is JsonArray { Count: >= 2 } any:
                return any.Select((c, i) => Evaluate(c, section, $"{at}[{i}]")).ToList().Exists(b => b);
            default:
                throw new LocalTemplateException(section, at,
                    "is not a condition function the local cloud evaluates: Fn::Equals [a, b], Fn::Not [condition], Fn::And / Fn::Or [2 or more conditions], Condition \"Name\".");
        }
    }

    /// <summary>CloudFormation compares values as text: <c>"1"</c> equals <c>1</c>, <c>"true"</c> equals <c>true</c>.</summary>
    private static string Comparable(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node?.ToJsonString() ?? "null";
}
