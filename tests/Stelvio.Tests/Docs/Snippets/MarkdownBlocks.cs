using System.Text.RegularExpressions;

namespace Stelvio.Tests.Docs.Snippets;

/// <summary>A fenced code block of a markdown file, with the snippet marker on the line before it, if any.</summary>
/// <param name="Name">The snippet name of the marker (<c>&lt;!-- snippet: name --&gt;</c>), or null when the block has none.</param>
/// <param name="Language">The fence's info string (<c>csharp</c>, <c>json</c>, …).</param>
/// <param name="OpenLine">The 0-based line of the opening fence.</param>
/// <param name="CloseLine">The 0-based line of the closing fence.</param>
/// <param name="Content">The lines between the fences, joined with '\n'.</param>
internal sealed record DocBlock(string? Name, string Language, int OpenLine, int CloseLine, string Content);

/// <summary>Reads the fenced code blocks of a markdown text and their snippet markers.</summary>
internal static partial class MarkdownBlocks
{
    [GeneratedRegex(@"^<!--\s*snippet:\s*(?<name>\S+)\s*-->$")]
    private static partial Regex Marker();

    /// <summary>The lines of <paramref name="markdown"/>, with any line ending.</summary>
    public static string[] Lines(string markdown) => markdown.ReplaceLineEndings("\n").Split('\n');

    /// <summary>
    /// The code blocks of <paramref name="markdown"/>. A marker must stand on the line right before a fence;
    /// a marker that does not, and a fence that is never closed, are reported to <paramref name="problems"/>.
    /// </summary>
    public static List<DocBlock> Parse(string markdown, List<string> problems)
    {
        var lines = Lines(markdown);
        var blocks = new List<DocBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = Marker().Match(lines[i].Trim());
            if (marker.Success && (i + 1 >= lines.Length || !IsFence(lines[i + 1])))
            {
                problems.Add($"line {i + 1}: the snippet marker '{marker.Groups["name"].Value}' is not followed by a code block on the next line.");
                continue;
            }

            if (!IsFence(lines[i]))
            {
                continue;
            }

            var close = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            if (close < 0)
            {
                problems.Add($"line {i + 1}: the code block is never closed.");
                break;
            }

            var name = i > 0 && Marker().Match(lines[i - 1].Trim()) is { Success: true } m ? m.Groups["name"].Value : null;
            blocks.Add(new DocBlock(name, lines[i].Trim()[3..].Trim(), i, close, string.Join('\n', lines[(i + 1)..close])));
            i = close;
        }

        return blocks;
    }

    /// <summary>
    /// <paramref name="markdown"/> with the content of each marked block replaced by what
    /// <paramref name="source"/> gives for its name (blocks whose name it does not know stay as they are).
    /// </summary>
    public static string Rewrite(string markdown, Func<string, string?> source)
    {
        var lines = Lines(markdown).ToList();
        var blocks = Parse(markdown, []);
        foreach (var block in Enumerable.Reverse(blocks))
        {
            if (block.Name is not null && source(block.Name) is { } content)
            {
                lines.RemoveRange(block.OpenLine + 1, block.CloseLine - block.OpenLine - 1);
                lines.InsertRange(block.OpenLine + 1, content.Split('\n'));
            }
        }

        return string.Join('\n', lines);
    }

    private static bool IsFence(string line) => line.TrimStart().StartsWith("```", StringComparison.Ordinal) && line.Trim().Length > 3;
}
