using System.Globalization;
using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Iam.Policies;

/// <summary>Reads identity policy documents (<c>Version</c>, <c>Statement</c>) into <see cref="PolicyStatement"/>s.</summary>
internal static class PolicyParser
{
    /// <summary>
    /// The statements of <paramref name="document"/>. A statement that cannot be read (no <c>Effect</c>, neither
    /// <c>Action</c> nor <c>NotAction</c>, …) is left out and said why in <paramref name="notes"/>, as is any
    /// policy variable (<c>${…}</c>), which is matched literally.
    /// </summary>
    public static List<PolicyStatement> Parse(JsonObject document, string origin, List<string> notes)
    {
        var statements = new List<PolicyStatement>();
        var node = document["Statement"];
        var items = node switch
        {
            JsonArray array => [.. array],
            JsonObject single => [single],
            _ => new List<JsonNode?>(),
        };
        if (items.Count == 0)
        {
            notes.Add($"{origin}: the policy has no Statement; it grants nothing.");
        }
        for (var i = 0; i < items.Count; i++)
        {
            var statementOrigin = items[i] is JsonObject { } o && o["Sid"] is JsonValue sid
                ? $"{origin} statement {sid}"
                : $"{origin} statement {i + 1}";
            if (items[i] is not JsonObject statement)
            {
                notes.Add($"{statementOrigin}: not an object; ignored locally.");
                continue;
            }
            var parsed = ParseStatement(statement, statementOrigin, notes);
            if (parsed is not null)
            {
                statements.Add(parsed);
            }
        }
        return statements;
    }

    private static PolicyStatement? ParseStatement(JsonObject statement, string origin, List<string> notes)
    {
        var effectText = (statement["Effect"] as JsonValue)?.ToString();
        PolicyEffect effect;
        if (effectText == "Allow")
        {
            effect = PolicyEffect.Allow;
        }
        else if (effectText == "Deny")
        {
            effect = PolicyEffect.Deny;
        }
        else
        {
            notes.Add($"{origin}: Effect must be \"Allow\" or \"Deny\", not {(effectText is null ? "missing" : $"\"{effectText}\"")}; the statement is ignored locally.");
            return null;
        }
        var actions = Strings(statement["Action"]);
        var notActions = Strings(statement["NotAction"]);
        var resources = Strings(statement["Resource"]);
        var notResources = Strings(statement["NotResource"]);
        if ((actions is null) == (notActions is null))
        {
            notes.Add($"{origin}: needs exactly one of Action and NotAction; the statement is ignored locally.");
            return null;
        }
        if ((resources is null) == (notResources is null))
        {
            notes.Add($"{origin}: needs exactly one of Resource and NotResource; the statement is ignored locally.");
            return null;
        }
        foreach (var resource in (resources ?? notResources)!)
        {
            if (resource.Contains("${", StringComparison.Ordinal))
            {
                notes.Add($"{origin}: the policy variable in \"{resource}\" is not substituted locally; it matches only literally.");
            }
        }
        var conditions = new List<ConditionClause>();
        if (statement["Condition"] is JsonObject block)
        {
            foreach (var (op, keys) in block)
            {
                if (keys is not JsonObject byKey)
                {
                    notes.Add($"{origin}: Condition operator {op} must map keys to values; the statement is ignored locally.");
                    return null;
                }
                foreach (var (key, values) in byKey)
                {
                    conditions.Add(new ConditionClause(op, key, Strings(values) ?? []));
                }
            }
        }
        return new PolicyStatement(origin, effect, actions, notActions, resources, notResources, conditions);
    }

    private static List<string>? Strings(JsonNode? node) => node switch
    {
        null => null,
        JsonArray array => [.. array.Select(Text)],
        _ => [Text(node)],
    };

    private static string Text(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value when value.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue value when value.TryGetValue<double>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        null => "",
        _ => node.ToJsonString(),
    };
}
