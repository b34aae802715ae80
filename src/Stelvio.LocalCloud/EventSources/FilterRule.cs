using System.Globalization;
using System.Text.Json;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// One rule of a leaf's rule list (<c>"status": ["shipped", {"prefix": "ship"}]</c> has two), tested against one
/// value of the record as delivered. <see cref="Exists"/> and <see cref="AnythingBut"/> are the only rules an absent
/// field can satisfy or fail by itself; every other rule needs a present value.
/// </summary>
internal abstract record FilterRule
{
    /// <summary>Whether the rule holds for a present value (a JSON string, number, boolean or null).</summary>
    public abstract bool Matches(JsonElement value);

    /// <summary>An exact value: a string, a number (compared numerically), <c>true</c>/<c>false</c> or <c>null</c>.</summary>
    public sealed record Exact(JsonElement Expected) : FilterRule
    {
        public override bool Matches(JsonElement value) => Equal(Expected, value);
    }

    /// <summary><c>{"prefix": "us-"}</c>, optionally <c>{"prefix": {"equals-ignore-case": "us-"}}</c>.</summary>
    public sealed record Prefix(string Text, bool IgnoreCase) : FilterRule
    {
        public override bool Matches(JsonElement value) =>
            value.ValueKind == JsonValueKind.String && value.GetString()!.StartsWith(Text, Comparison(IgnoreCase));
    }

    /// <summary><c>{"suffix": ".png"}</c>, optionally <c>{"suffix": {"equals-ignore-case": ".png"}}</c>.</summary>
    public sealed record Suffix(string Text, bool IgnoreCase) : FilterRule
    {
        public override bool Matches(JsonElement value) =>
            value.ValueKind == JsonValueKind.String && value.GetString()!.EndsWith(Text, Comparison(IgnoreCase));
    }

    /// <summary><c>{"equals-ignore-case": "alice"}</c>.</summary>
    public sealed record EqualsIgnoreCase(string Text) : FilterRule
    {
        public override bool Matches(JsonElement value) =>
            value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), Text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary><c>{"wildcard": "*.png"}</c>: <c>*</c> matches any run of characters, <c>\*</c> a star.</summary>
    public sealed record Wildcard(string Pattern) : FilterRule
    {
        public override bool Matches(JsonElement value) =>
            value.ValueKind == JsonValueKind.String && WildcardMatch(Pattern, value.GetString()!);
    }

    /// <summary><c>{"numeric": ["&gt;", 10, "&lt;=", 20]}</c>: only JSON numbers match.</summary>
    public sealed record Numeric(IReadOnlyList<(string Operator, double Operand)> Comparisons) : FilterRule
    {
        public override bool Matches(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.Number)
            {
                return false;
            }
            var number = value.GetDouble();
            foreach (var (op, operand) in Comparisons)
            {
                var holds = op switch
                {
                    "=" => number == operand,
                    "<" => number < operand,
                    "<=" => number <= operand,
                    ">" => number > operand,
                    _ => number >= operand,
                };
                if (!holds)
                {
                    return false;
                }
            }
            return true;
        }
    }

    /// <summary><c>{"exists": true}</c> or <c>{"exists": false}</c>.</summary>
    public sealed record Exists(bool Present) : FilterRule
    {
        public override bool Matches(JsonElement value) => Present;
    }

    /// <summary><c>{"anything-but": …}</c>: a present value that none of the inner rules match.</summary>
    public sealed record AnythingBut(IReadOnlyList<FilterRule> Excluded) : FilterRule
    {
        public override bool Matches(JsonElement value) => !Excluded.Any(rule => rule.Matches(value));
    }

    private static StringComparison Comparison(bool ignoreCase) =>
        ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static bool Equal(JsonElement expected, JsonElement value) => expected.ValueKind switch
    {
        JsonValueKind.String => value.ValueKind == JsonValueKind.String && value.GetString() == expected.GetString(),
        JsonValueKind.Number => value.ValueKind == JsonValueKind.Number && value.GetDouble() == expected.GetDouble(),
        JsonValueKind.Null => value.ValueKind == JsonValueKind.Null,
        _ => value.ValueKind == expected.ValueKind,
    };

    private static bool WildcardMatch(string pattern, string text)
    {
        // Split on unescaped stars; the pieces must appear in order, the first at the start and the last at the end.
        var pieces = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '*' or '\\')
            {
                current.Append(pattern[++i]);
            }
            else if (pattern[i] == '*')
            {
                pieces.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(pattern[i]);
            }
        }
        pieces.Add(current.ToString());
        if (pieces.Count == 1)
        {
            return text == pieces[0];
        }
        if (!text.StartsWith(pieces[0], StringComparison.Ordinal))
        {
            return false;
        }
        var at = pieces[0].Length;
        for (var i = 1; i < pieces.Count - 1; i++)
        {
            var found = text.IndexOf(pieces[i], at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }
            at = found + pieces[i].Length;
        }
        var last = pieces[^1];
        return text.Length - at >= last.Length && text.EndsWith(last, StringComparison.Ordinal);
    }

    /// <summary>How a number reads in an error message.</summary>
    internal static string Show(double number) => number.ToString(CultureInfo.InvariantCulture);
}
