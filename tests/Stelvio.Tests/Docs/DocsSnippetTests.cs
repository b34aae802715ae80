using Stelvio.Tests.Docs.Snippets;

namespace Stelvio.Tests.Docs;

/// <summary>
/// Keeps the docs (<see cref="DocSources.DocPaths"/>) from rotting: every block marked <c>&lt;!-- snippet: name --&gt;</c> must read exactly
/// as its source (the region <c>// snippet: name</c> … <c>// end snippet</c> of a test in this folder, a repository
/// file, or a doc output), and every <c>csharp</c> block must be marked, so each is code a test compiles and runs.
/// Run with <c>STELVIO_UPDATE_DOCS=1</c> to rewrite the marked blocks from their sources.
/// </summary>
public sealed class DocsSnippetTests
{
    public static TheoryData<string> Docs => [.. DocSources.DocPaths];

    [Theory]
    [MemberData(nameof(Docs))]
    public void Doc_EveryMarkedBlock_ReadsAsItsSource(string doc)
    {
        var file = DocSources.DocFile(doc);
        if (Environment.GetEnvironmentVariable(DocSources.UpdateVariable) == "1")
        {
            var current = File.ReadAllText(file);
            var rewritten = MarkdownBlocks.Rewrite(current, name => DocSources.Find(name) is [var only] ? only.Content : null);
            if (rewritten != current.ReplaceLineEndings("\n"))
            {
                File.WriteAllText(file, rewritten);
            }
        }

        var problems = new List<string>();
        var blocks = MarkdownBlocks.Parse(File.ReadAllText(file), problems);
        problems.AddRange(SnippetCheck.Problems(blocks, DocSources.Find));

        Assert.True(problems.Count == 0, $"{doc}:\n" + string.Join("\n\n", problems) +
            $"\n\nIf the sources are right, run the tests with {DocSources.UpdateVariable}=1 to rewrite the blocks, and review the diff.");
        Assert.Contains(blocks, b => b.Name is not null);
    }

    [Fact]
    public void Regions_AreWellFormed_AndEachIsShownInADoc()
    {
        var shown = DocSources.DocPaths
            .SelectMany(doc => MarkdownBlocks.Parse(File.ReadAllText(DocSources.DocFile(doc)), []))
            .Select(b => b.Name)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(DocSources.RegionProblems);
        Assert.NotEmpty(DocSources.Regions);
        Assert.Equal([], DocSources.Regions.Keys.Where(name => !shown.Contains(name)).Order(StringComparer.Ordinal));
        Assert.Equal([], DocOutputs.All.Keys.Where(name => !shown.Contains(name)).Order(StringComparer.Ordinal));
        Assert.Equal([], DocOutputs.All.Keys.Where(name => DocSources.Regions.ContainsKey(name) || name.Contains('/', StringComparison.Ordinal)));
    }

    [Fact]
    public void RepoRoot_IsTheFolderOfTheSolution()
    {
        Assert.True(File.Exists(Path.Combine(DocSources.RepoRoot, "Stelvio.slnx")));
        Assert.All(DocSources.DocPaths, doc => Assert.True(File.Exists(DocSources.DocFile(doc)), $"{doc} is missing."));
        Assert.True(Directory.Exists(Path.Combine(DocSources.RepoRoot, DocSources.RegionFolder)));
    }

    // The checker itself, on small documents: it must see every kind of rot.
    [Fact]
    public void Check_ReportsAStaleBlock_AnUnknownName_AndAnUnmarkedCSharpBlock()
    {
        var doc = string.Join('\n',
            "# Doc",
            "<!-- snippet: good -->",
            "```csharp",
            "var a = 1;",
            "```",
            "<!-- snippet: stale -->",
            "```csharp",
            "var b = 1;",
            "```",
            "<!-- snippet: unknown -->",
            "```json",
            "{}",
            "```",
            "```csharp",
            "var c = 3;",
            "```",
            "```text",
            "not code",
            "```");
        var sources = new Dictionary<string, string> { ["good"] = "var a = 1;", ["stale"] = "var b = 2;" };

        var problems = SnippetCheck.Problems(MarkdownBlocks.Parse(doc, []), Lookup(sources));

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("line 7: snippet 'stale' differs from its test region. It should read:\nvar b = 2;\n--- but reads:\nvar b = 1;", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("line 11: snippet 'unknown' has no source", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("line 14: a csharp block without a snippet marker", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ReportsANameWithSeveralSources()
    {
        var blocks = MarkdownBlocks.Parse("<!-- snippet: twice -->\n```csharp\nx\n```", []);

        var problems = SnippetCheck.Problems(blocks, _ => [new("test region", "x"), new("doc output", "x")]);

        Assert.Equal(["line 2: snippet 'twice' has several sources (test region, doc output). Rename one."], problems);
    }

    [Fact]
    public void Parse_ReportsAMarkerNotBeforeABlock_AndAnUnclosedBlock()
    {
        var problems = new List<string>();

        var blocks = MarkdownBlocks.Parse("<!-- snippet: lost -->\n\n```csharp\nx\n```\n```json\n{", problems);

        Assert.Equal(
            ["line 1: the snippet marker 'lost' is not followed by a code block on the next line.", "line 6: the code block is never closed."],
            problems);
        Assert.Null(Assert.Single(blocks).Name);
    }

    [Fact]
    public void Regions_AreDedented_AndMalformedOnesReported()
    {
        var source = string.Join('\n',
            "class A",
            "{",
            "        // snippet: one",
            "        var x = new Thing",
            "        {",
            "            Y = 1,",
            "",
            "        };",
            "        // end snippet",
            "    // snippet: outer",
            "    // snippet: inner",
            "    var z = 1;",
            "    // end snippet",
            "    // end snippet",
            "    // snippet: open",
            "}");
        var problems = new List<string>();

        var regions = SnippetRegions.Read([("A.cs", source)], problems);

        Assert.Equal("var x = new Thing\n{\n    Y = 1,\n\n};", regions["one"]);
        Assert.Equal("var z = 1;", regions["inner"]);
        Assert.Equal(
            ["A.cs:11: snippet 'inner' starts inside snippet 'outer'.", "A.cs:14: '// end snippet' without a start.", "A.cs:15: snippet 'open' has no '// end snippet'."],
            problems);
    }

    [Fact]
    public void Rewrite_ReplacesMarkedBlocksFromTheirSources_AndLeavesTheRest()
    {
        var doc = "text\n<!-- snippet: a -->\n```csharp\nold\nlines\n```\n```json\n{}\n```\n<!-- snippet: b -->\n```csharp\nkept\n```";

        var rewritten = MarkdownBlocks.Rewrite(doc, name => name == "a" ? "new" : null);

        Assert.Equal("text\n<!-- snippet: a -->\n```csharp\nnew\n```\n```json\n{}\n```\n<!-- snippet: b -->\n```csharp\nkept\n```", rewritten);
    }

    private static Func<string, IReadOnlyList<SnippetSource>> Lookup(Dictionary<string, string> sources) =>
        name => sources.TryGetValue(name, out var code) ? [new SnippetSource("test region", code)] : [];
}
