using System.Text.RegularExpressions;

namespace Stelvio.PublicApi.Tests;

/// <summary>
/// The declarations of a rendered public API that were removed (<c>-</c>) and added (<c>+</c>), in file order; a
/// member is shown with the type that declares it (<c>- SubscriptionOptions: public int BatchSize { get; init; }</c>).
/// </summary>
internal static partial class PublicApiDiff
{
    public static string Describe(string baseline, string current)
    {
        var removed = Except(Declarations(baseline), Declarations(current));
        var added = Except(Declarations(current), Declarations(baseline));
        return string.Join("\n", removed.Select(l => "- " + l).Concat(added.Select(l => "+ " + l)));
    }

    [GeneratedRegex(@"^\s*public .*?\b(?:class|struct|interface|enum|record|delegate)\s+(?:[\w.]+\s+)*?(\w+)")]
    private static partial Regex TypeDeclaration();

    /// <summary>Each non-brace line, trimmed; members prefixed with their type's name.</summary>
    private static List<string> Declarations(string text)
    {
        var declarations = new List<string>();
        var type = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line is "" or "{" or "}" || line.StartsWith("namespace ", StringComparison.Ordinal))
            {
                continue;
            }

            if (TypeDeclaration().Match(raw) is { Success: true } match)
            {
                type = match.Groups[1].Value;
                declarations.Add(line);
            }
            else
            {
                declarations.Add(type.Length > 0 ? $"{type}: {line}" : line);
            }
        }

        return declarations;
    }

    /// <summary>The lines of <paramref name="lines"/> not matched by a line of <paramref name="other"/> (each matching once).</summary>
    private static List<string> Except(List<string> lines, List<string> other)
    {
        var remaining = other.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var line in lines)
        {
            if (remaining.TryGetValue(line, out var count) && count > 0)
            {
                remaining[line] = count - 1;
            }
            else
            {
                result.Add(line);
            }
        }

        return result;
    }
}
