using System.Text.Json.Nodes;

namespace Stelvio.Testing;

/// <summary>Special expectations inside the partial objects given to <see cref="Template"/> assertions.</summary>
public abstract class Match
{
    /// <summary>The property must not be there.</summary>
    public static Match Absent() => new AbsentMatch();

    /// <summary>The property must be there, with any value.</summary>
    public static Match AnyValue() => new AnyValueMatch();

    /// <summary>The value must equal <paramref name="expected"/> exactly: no extra properties, same array length.</summary>
    public static Match Exact(object? expected) => new ExactMatch(expected);

    /// <summary>The array must contain elements matching each of <paramref name="expected"/>, in order, among others.</summary>
    public static Match ArrayWith(params object?[] expected) => new ArrayWithMatch(expected);

    /// <summary>The value must be a string matching the regular expression.</summary>
    public static Match StringLike(string pattern) => new StringLikeMatch(pattern);

    internal abstract void Check(JsonNode? actual, bool present, string path, List<string> failures);

    private sealed class AbsentMatch : Match
    {
        internal override void Check(JsonNode? actual, bool present, string path, List<string> failures)
        {
            if (present)
            {
                failures.Add($"{path}: expected to be absent, found {Show(actual)}");
            }
        }
    }

    private sealed class AnyValueMatch : Match
    {
        internal override void Check(JsonNode? actual, bool present, string path, List<string> failures)
        {
            if (!present || actual is null)
            {
                failures.Add($"{path}: expected a value, found none");
            }
        }
    }

    private sealed class ExactMatch(object? expected) : Match
    {
        internal override void Check(JsonNode? actual, bool present, string path, List<string> failures) =>
            Matcher.Compare(expected, actual, present, path, failures, exact: true);
    }

    private sealed class StringLikeMatch(string pattern) : Match
    {
        internal override void Check(JsonNode? actual, bool present, string path, List<string> failures)
        {
            if (actual is not JsonValue value || !value.TryGetValue<string>(out var text) || !System.Text.RegularExpressions.Regex.IsMatch(text, pattern))
            {
                failures.Add($"{path}: expected a string like /{pattern}/, found {Show(actual)}");
            }
        }
    }

    private sealed class ArrayWithMatch(object?[] expected) : Match
    {
        internal override void Check(JsonNode? actual, bool present, string path, List<string> failures)
        {
            if (actual is not JsonArray array)
            {
                failures.Add($"{path}: expected an array, found {Show(actual)}");
                return;
            }

            var start = 0;
            foreach (var wanted in expected)
            {
                var found = false;
                for (var i = start; i < array.Count; i++)
                {
                    var inner = new List<string>();
                    Matcher.Compare(wanted, array[i], true, $"{path}[{i}]", inner, exact: false);
                    if (inner.Count == 0)
                    {
                        start = i + 1;
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    failures.Add($"{path}: no element (in order) matches {Show(Matcher.ToNode(wanted))}; array is {Show(array)}");
                    return;
                }
            }
        }
    }

    internal static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";
}
