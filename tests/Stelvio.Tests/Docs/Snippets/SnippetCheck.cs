namespace Stelvio.Tests.Docs.Snippets;

/// <summary>Where a snippet's text comes from: a test region, a repository file, or a test's output.</summary>
internal sealed record SnippetSource(string Kind, string Content);

/// <summary>Compares the marked blocks of a doc with their sources.</summary>
internal static class SnippetCheck
{
    /// <summary>
    /// The problems of <paramref name="blocks"/>: a marked block whose name has no source or several, or whose
    /// content differs from its source's; a <c>csharp</c> block without a marker.
    /// </summary>
    public static List<string> Problems(IReadOnlyList<DocBlock> blocks, Func<string, IReadOnlyList<SnippetSource>> sources)
    {
        var problems = new List<string>();
        foreach (var block in blocks)
        {
            var at = $"line {block.OpenLine + 1}";
            if (block.Name is null)
            {
                if (block.Language == "csharp")
                {
                    problems.Add($"{at}: a csharp block without a snippet marker, so no test compiles it. Put it in a test under tests/Stelvio.Tests/Docs " +
                        "between '// snippet: name' and '// end snippet', and precede the block with '<!-- snippet: name -->'.");
                }

                continue;
            }

            var found = sources(block.Name);
            if (found.Count == 0)
            {
                problems.Add($"{at}: snippet '{block.Name}' has no source: no test region, repository file or doc output of that name.");
            }
            else if (found.Count > 1)
            {
                problems.Add($"{at}: snippet '{block.Name}' has several sources ({string.Join(", ", found.Select(f => f.Kind))}). Rename one.");
            }
            else if (found[0].Content != block.Content)
            {
                problems.Add($"{at}: snippet '{block.Name}' differs from its {found[0].Kind}. It should read:\n{found[0].Content}\n--- but reads:\n{block.Content}\n---");
            }
        }

        return problems;
    }
}
