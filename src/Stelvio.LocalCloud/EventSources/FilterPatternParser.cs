using System.Text.Json;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// Parses a filter pattern with Lambda's event filtering rules: exact values (string, number, boolean, <c>null</c>,
/// <c>""</c>), <c>prefix</c>, <c>suffix</c> (each optionally with <c>equals-ignore-case</c>), <c>equals-ignore-case</c>,
/// <c>wildcard</c>, <c>anything-but</c> (values, <c>prefix</c>, <c>suffix</c>, <c>equals-ignore-case</c>,
/// <c>wildcard</c>), <c>numeric</c> (<c>=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, a range of two),
/// <c>exists</c> and <c>$or</c>. Anything else is a <see cref="FilterPatternException"/> saying what is wrong.
/// </summary>
internal static class FilterPatternParser
{
    /// <summary>The longest pattern Lambda accepts (<c>Filter.Pattern</c>, 4096 characters).</summary>
    public const int MaxLength = 4096;

    /// <summary>Numbers in numeric rules are limited to ±5.0e9, as in EventBridge patterns Lambda's filters follow.</summary>
    private const double NumericLimit = 5.0e9;

    public static FilterPattern Parse(string pattern)
    {
        if (pattern.Length > MaxLength)
        {
            throw new FilterPatternException($"the pattern is {pattern.Length} characters long; Lambda accepts at most {MaxLength}.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(pattern);
        }
        catch (JsonException error)
        {
            throw new FilterPatternException($"the pattern is not valid JSON ({error.Message}).");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FilterPatternException("the pattern must be a JSON object, such as {\"eventName\": [\"INSERT\"]}.");
            }
            return ParseObject(document.RootElement, "");
        }
    }

    private static FilterPattern ParseObject(JsonElement obj, string path)
    {
        var fields = new List<FilterField>();
        var alternatives = new List<IReadOnlyList<FilterPattern>>();
        foreach (var property in obj.EnumerateObject())
        {
            var at = path.Length == 0 ? property.Name : path + "." + property.Name;
            if (property.Name == "$or")
            {
                alternatives.Add(ParseOr(property.Value, at));
                continue;
            }
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    fields.Add(new FilterField(property.Name, ParseObject(property.Value, at), null));
                    break;
                case JsonValueKind.Array:
                    fields.Add(new FilterField(property.Name, null, ParseRules(property.Value, at)));
                    break;
                default:
                    throw new FilterPatternException(
                        $"'{at}' is {Describe(property.Value)}; a field's value must be an array of rules (\"{property.Name}\": [\"value\"]) or an object of nested fields.");
            }
        }
        return new FilterPattern(fields, alternatives);
    }

    private static List<FilterPattern> ParseOr(JsonElement value, string at)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() < 2
            || value.EnumerateArray().Any(element => element.ValueKind != JsonValueKind.Object))
        {
            throw new FilterPatternException($"'{at}' must be an array of at least two objects, each a pattern: \"$or\": [{{\"a\": [\"x\"]}}, {{\"b\": [\"y\"]}}].");
        }
        return [.. value.EnumerateArray().Select(element => ParseObject(element, at))];
    }

    private static List<FilterRule> ParseRules(JsonElement array, string at)
    {
        if (array.GetArrayLength() == 0)
        {
            throw new FilterPatternException($"'{at}' has an empty rule list; give at least one value or rule, or use [{{\"exists\": false}}] for an absent field.");
        }
        var rules = new List<FilterRule>();
        foreach (var element in array.EnumerateArray())
        {
            rules.Add(element.ValueKind switch
            {
                JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null
                    => new FilterRule.Exact(element.Clone()),
                JsonValueKind.Object => ParseOperator(element, at),
                _ => throw new FilterPatternException($"'{at}' holds {Describe(element)}; a rule is a value (string, number, true, false, null) or an object such as {{\"prefix\": \"a\"}}."),
            });
        }
        return rules;
    }

    private static FilterRule ParseOperator(JsonElement rule, string at)
    {
        var properties = rule.EnumerateObject().ToList();
        if (properties.Count != 1)
        {
            throw new FilterPatternException($"'{at}' has a rule object with {properties.Count} keys; each rule object holds exactly one operator, such as {{\"prefix\": \"a\"}}.");
        }
        var (name, value) = (properties[0].Name, properties[0].Value);
        return name switch
        {
            "prefix" => new FilterRule.Prefix(TextOrIgnoreCase(value, at, name, out var ignoreCase), ignoreCase),
            "suffix" => new FilterRule.Suffix(TextOrIgnoreCase(value, at, name, out var ignoreSuffixCase), ignoreSuffixCase),
            "equals-ignore-case" => new FilterRule.EqualsIgnoreCase(Text(value, at, name)),
            "wildcard" => new FilterRule.Wildcard(WildcardText(value, at)),
            "numeric" => ParseNumeric(value, at),
            "exists" => value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? new FilterRule.Exists(value.GetBoolean())
                : throw new FilterPatternException($"'{at}': \"exists\" takes true or false, not {Describe(value)}."),
            "anything-but" => ParseAnythingBut(value, at),
            _ => throw new FilterPatternException(
                $"'{at}' uses the unknown operator \"{name}\"; Lambda's filters know prefix, suffix, equals-ignore-case, wildcard, anything-but, numeric and exists."),
        };
    }

    private static FilterRule ParseAnythingBut(JsonElement value, string at)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String or JsonValueKind.Number:
                return new FilterRule.AnythingBut([new FilterRule.Exact(value.Clone())]);
            case JsonValueKind.Array:
                if (value.GetArrayLength() == 0
                    || value.EnumerateArray().Any(element => element.ValueKind is not (JsonValueKind.String or JsonValueKind.Number)))
                {
                    throw new FilterPatternException($"'{at}': \"anything-but\" takes a non-empty array of strings or numbers, such as [\"a\", \"b\"].");
                }
                return new FilterRule.AnythingBut([.. value.EnumerateArray().Select(element => new FilterRule.Exact(element.Clone()))]);
            case JsonValueKind.Object:
                var properties = value.EnumerateObject().ToList();
                if (properties.Count == 1)
                {
                    var (name, inner) = (properties[0].Name, properties[0].Value);
                    switch (name)
                    {
                        case "prefix":
                            return new FilterRule.AnythingBut([new FilterRule.Prefix(Text(inner, at, "anything-but.prefix"), false)]);
                        case "suffix":
                            return new FilterRule.AnythingBut([new FilterRule.Suffix(Text(inner, at, "anything-but.suffix"), false)]);
                        case "equals-ignore-case":
                            return new FilterRule.AnythingBut([.. TextOrTexts(inner, at, "anything-but.equals-ignore-case").Select(text => new FilterRule.EqualsIgnoreCase(text))]);
                        case "wildcard":
                            return new FilterRule.AnythingBut([.. TextOrTexts(inner, at, "anything-but.wildcard").Select(text => new FilterRule.Wildcard(CheckWildcard(text, at)))]);
                        default:
                            break;
                    }
                }
                throw new FilterPatternException($"'{at}': \"anything-but\" takes a value, an array of values, or one of {{\"prefix\": …}}, {{\"suffix\": …}}, {{\"equals-ignore-case\": …}}, {{\"wildcard\": …}}.");
            default:
                throw new FilterPatternException($"'{at}': \"anything-but\" cannot take {Describe(value)}.");
        }
    }

    private static FilterRule.Numeric ParseNumeric(JsonElement value, string at)
    {
        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [];
        if (items.Count is not (2 or 4))
        {
            throw new FilterPatternException($"'{at}': \"numeric\" takes one comparison [\">\", 10] or a range [\">\", 10, \"<=\", 20].");
        }
        var comparisons = new List<(string, double)>();
        for (var i = 0; i < items.Count; i += 2)
        {
            var op = items[i].ValueKind == JsonValueKind.String ? items[i].GetString()! : "";
            if (op is not ("=" or "<" or "<=" or ">" or ">="))
            {
                throw new FilterPatternException($"'{at}': \"numeric\" operators are =, <, <=, > and >=; {Describe(items[i])} is not one.");
            }
            if (items[i + 1].ValueKind != JsonValueKind.Number)
            {
                throw new FilterPatternException($"'{at}': the operand of \"{op}\" must be a number, not {Describe(items[i + 1])}.");
            }
            var operand = items[i + 1].GetDouble();
            if (Math.Abs(operand) > NumericLimit)
            {
                throw new FilterPatternException($"'{at}': {FilterRule.Show(operand)} is out of range; numeric rules compare numbers from -5.0e9 to 5.0e9.");
            }
            comparisons.Add((op, operand));
        }
        if (comparisons.Count == 2)
        {
            var (first, second) = (comparisons[0], comparisons[1]);
            var lower = first.Item1.StartsWith('>') ? first : second;
            var upper = first.Item1.StartsWith('<') ? first : second;
            if (!lower.Item1.StartsWith('>') || !upper.Item1.StartsWith('<') || lower.Item2 >= upper.Item2)
            {
                throw new FilterPatternException($"'{at}': a numeric range is a lower bound (> or >=) and a greater upper bound (< or <=), such as [\">\", 10, \"<=\", 20].");
            }
        }
        return new FilterRule.Numeric(comparisons);
    }

    private static string TextOrIgnoreCase(JsonElement value, string at, string op, out bool ignoreCase)
    {
        ignoreCase = false;
        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = value.EnumerateObject().ToList();
            if (properties.Count == 1 && properties[0].Name == "equals-ignore-case")
            {
                ignoreCase = true;
                return Text(properties[0].Value, at, op + ".equals-ignore-case");
            }
            throw new FilterPatternException($"'{at}': \"{op}\" takes a string or {{\"equals-ignore-case\": \"text\"}}.");
        }
        return Text(value, at, op);
    }

    private static string Text(JsonElement value, string at, string op) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FilterPatternException($"'{at}': \"{op}\" takes a string, not {Describe(value)}.");

    private static IEnumerable<string> TextOrTexts(JsonElement value, string at, string op)
    {
        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
            && value.EnumerateArray().All(element => element.ValueKind == JsonValueKind.String))
        {
            return [.. value.EnumerateArray().Select(element => element.GetString()!)];
        }
        return [Text(value, at, op)];
    }

    private static string WildcardText(JsonElement value, string at) => CheckWildcard(Text(value, at, "wildcard"), at);

    private static string CheckWildcard(string text, string at) =>
        text.Contains("**", StringComparison.Ordinal)
            ? throw new FilterPatternException($"'{at}': the wildcard \"{text}\" has consecutive '*' characters; use a single '*'.")
            : text;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };
}
