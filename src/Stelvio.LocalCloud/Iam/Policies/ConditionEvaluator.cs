using System.Globalization;

namespace Stelvio.LocalCloud.Iam.Policies;

/// <summary>
/// IAM's condition operators over a <see cref="RequestContext"/>: the String, Numeric, Date, Bool, Null and Arn
/// families, with <c>IfExists</c> and the <c>ForAllValues:</c>/<c>ForAnyValue:</c> set prefixes. A key the request
/// does not carry fails a positive operator and passes a negated one (<c>StringNotEquals</c>, <c>ArnNotLike</c>, …),
/// as in AWS; <c>ForAllValues</c> over no values holds, <c>ForAnyValue</c> over none does not. An operator outside
/// these families (<c>IpAddress</c>, <c>BinaryEquals</c>) or a key outside <see cref="RequestContext.Evaluated"/> is
/// <see cref="ConditionOutcome.Unknown"/>, as is a key the request has but the local cloud could not tell
/// (<see cref="RequestContext.WithUnknown"/>).
/// </summary>
internal static class ConditionEvaluator
{
    /// <summary>Whether the local cloud can evaluate <paramref name="clause"/> at all.</summary>
    public static bool CanEvaluate(ConditionClause clause) =>
        RequestContext.Evaluated.Contains(clause.Key) && Compare(Split(clause.Operator).Base) is not null;

    public static ConditionOutcome Evaluate(ConditionClause clause, RequestContext context)
    {
        if (!CanEvaluate(clause) || context.IsUnknown(clause.Key))
        {
            return ConditionOutcome.Unknown;
        }
        var (set, name, ifExists) = Split(clause.Operator);
        var values = context.Values(clause.Key);
        if (name == "Null")
        {
            var absent = values is null || values.Count == 0;
            return Outcome(clause.Values.Any(v => string.Equals(v, absent ? "true" : "false", StringComparison.OrdinalIgnoreCase)));
        }
        var negated = name.Contains("Not", StringComparison.Ordinal);
        var compare = Compare(name)!;
        bool MatchesAny(string requestValue) => clause.Values.Any(policyValue => compare(requestValue, policyValue));
        if (values is null || values.Count == 0)
        {
            return Outcome(set switch
            {
                "ForAllValues" => true,
                "ForAnyValue" => false,
                _ => ifExists || negated,
            });
        }
        // Negated operators hold for a value that matches none of the policy's values.
        bool Holds(string requestValue) => negated ? !MatchesAny(requestValue) : MatchesAny(requestValue);
        return Outcome(set == "ForAllValues" ? values.All(Holds) : negated && set is null ? values.All(Holds) : values.Any(Holds));
    }

    private static ConditionOutcome Outcome(bool holds) => holds ? ConditionOutcome.True : ConditionOutcome.False;

    private static (string? Set, string Base, bool IfExists) Split(string op)
    {
        string? set = null;
        var colon = op.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            set = op[..colon];
            op = op[(colon + 1)..];
            if (set is not ("ForAllValues" or "ForAnyValue"))
            {
                return (set, "", false);
            }
        }
        var ifExists = op.EndsWith("IfExists", StringComparison.Ordinal) && op != "Null";
        return (set, ifExists ? op[..^"IfExists".Length] : op, ifExists);
    }

    private static Func<string, string, bool>? Compare(string name) => name switch
    {
        "StringEquals" or "StringNotEquals" or "ArnEquals" or "ArnNotEquals" => (a, b) => string.Equals(a, b, StringComparison.Ordinal),
        "StringEqualsIgnoreCase" or "StringNotEqualsIgnoreCase" => (a, b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase),
        "StringLike" or "StringNotLike" or "ArnLike" or "ArnNotLike" => (a, b) => WildcardPattern.Matches(b, a, ignoreCase: false),
        "Bool" => (a, b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase),
        "Null" => (_, _) => false,
        "NumericEquals" or "NumericNotEquals" => (a, b) => Number(a, b, c => c == 0),
        "NumericLessThan" => (a, b) => Number(a, b, c => c < 0),
        "NumericLessThanEquals" => (a, b) => Number(a, b, c => c <= 0),
        "NumericGreaterThan" => (a, b) => Number(a, b, c => c > 0),
        "NumericGreaterThanEquals" => (a, b) => Number(a, b, c => c >= 0),
        "DateEquals" or "DateNotEquals" => (a, b) => Date(a, b, c => c == 0),
        "DateLessThan" => (a, b) => Date(a, b, c => c < 0),
        "DateLessThanEquals" => (a, b) => Date(a, b, c => c <= 0),
        "DateGreaterThan" => (a, b) => Date(a, b, c => c > 0),
        "DateGreaterThanEquals" => (a, b) => Date(a, b, c => c >= 0),
        _ => null,
    };

    private static bool Number(string a, string b, Func<int, bool> test) =>
        double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
        && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
        && test(x.CompareTo(y));

    private static bool Date(string a, string b, Func<int, bool> test) =>
        ParseDate(a) is { } x && ParseDate(b) is { } y && test(x.CompareTo(y));

    private static DateTimeOffset? ParseDate(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch) ? DateTimeOffset.FromUnixTimeSeconds(epoch)
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date
        : null;
}
