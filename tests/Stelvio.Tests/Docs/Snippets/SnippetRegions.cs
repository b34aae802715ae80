using System.Text.RegularExpressions;

namespace Stelvio.Tests.Docs.Snippets;

/// <summary>
/// Reads the snippet regions of C# source files: the lines between <c>// snippet: name</c> and
/// <c>// end snippet</c>, dedented by their common indentation.
/// </summary>
internal static partial class SnippetRegions
{
    [GeneratedRegex(@"^//\s*snippet:\s*(?<name>\S+)$")]
    private static partial Regex Start();

    [GeneratedRegex(@"^//\s*end snippet$")]
    private static partial Regex End();

    /// <summary>The regions of <paramref name="files"/> (name → code); malformed or repeated regions go to <paramref name="problems"/>.</summary>
    public static Dictionary<string, string> Read(IEnumerable<(string Path, string Text)> files, List<string> problems)
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            var lines = MarkdownBlocks.Lines(text);
            string? name = null;
            var start = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (Start().Match(line) is { Success: true } match)
                {
                    if (name is not null)
                    {
                        problems.Add($"{path}:{i + 1}: snippet '{match.Groups["name"].Value}' starts inside snippet '{name}'.");
                    }

                    name = match.Groups["name"].Value;
                    start = i + 1;
                }
                else if (End().IsMatch(line))
                {
                    if (name is null)
                    {
                        problems.Add($"{path}:{i + 1}: '// end snippet' without a start.");
                        continue;
                    }

                    var code = Dedent(lines[start..i]);
                    if (code.Trim().Length == 0)
                    {
                        problems.Add($"{path}:{start}: snippet '{name}' is empty.");
                    }
                    else if (!regions.TryAdd(name, code))
                    {
                        problems.Add($"{path}:{start}: snippet '{name}' is defined twice.");
                    }

                    name = null;
                }
            }

            if (name is not null)
            {
                problems.Add($"{path}:{start}: snippet '{name}' has no '// end snippet'.");
            }
        }

        return regions;
    }

    /// <summary>The lines without their common leading spaces, blank lines emptied, joined with '\n'.</summary>
    public static string Dedent(IReadOnlyList<string> lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Trim().Length == 0 ? "" : l[indent..].TrimEnd()));
    }
}
