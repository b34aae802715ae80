namespace Stelvio.PublicApi.Tests;

/// <summary>The lines of a rendered public API that were removed (<c>-</c>) and added (<c>+</c>), in file order.</summary>
internal static class PublicApiDiff
{
    public static string Describe(string baseline, string current)
    {
        var before = baseline.Split('\n');
        var after = current.Split('\n');
        var removed = Except(before, after);
        var added = Except(after, before);
        return string.Join("\n", removed.Select(l => "- " + l.Trim()).Concat(added.Select(l => "+ " + l.Trim())));
    }

    /// <summary>The lines of <paramref name="lines"/> not matched by a line of <paramref name="other"/> (each matching once).</summary>
    private static List<string> Except(string[] lines, string[] other)
    {
        var remaining = other.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var line in lines)
        {
            if (remaining.TryGetValue(line, out var count) && count > 0)
            {
                remaining[line] = count - 1;
            }
            else if (line.Trim() is not ("" or "{" or "}"))
            {
                result.Add(line);
            }
        }

        return result;
    }
}
