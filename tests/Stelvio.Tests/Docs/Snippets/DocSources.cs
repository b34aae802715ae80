namespace Stelvio.Tests.Docs.Snippets;

/// <summary>
/// The docs whose code blocks are checked (<see cref="DocPaths"/>) and the sources of their snippets: regions of the tests in
/// tests/Stelvio.Tests/Docs, repository files (a name with a '/', such as the example's handler files),
/// and outputs of the doc tests (<see cref="DocOutputs"/>).
/// </summary>
internal static class DocSources
{
    /// <summary>The checked docs, relative to the repository root.</summary>
    public static readonly string[] DocPaths = ["docs/dynamodb.md", "docs/testing.md", "docs/projects.md"];
    public const string RegionFolder = "tests/Stelvio.Tests/Docs";

    /// <summary>Set to 1 to rewrite the doc's marked blocks from their sources instead of failing on a difference.</summary>
    public const string UpdateVariable = "STELVIO_UPDATE_DOCS";

    private static readonly Lazy<(Dictionary<string, string> Regions, List<string> Problems)> RegionsOnce = new(ReadRegions);

    /// <summary>The repository root: the first folder above the test binaries that holds Stelvio.slnx.</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The full path of a doc of <see cref="DocPaths"/>.</summary>
    public static string DocFile(string docPath) => Path.Combine(RepoRoot, docPath);

    /// <summary>The regions of the doc tests, by name.</summary>
    public static IReadOnlyDictionary<string, string> Regions => RegionsOnce.Value.Regions;

    /// <summary>Malformed or repeated regions.</summary>
    public static IReadOnlyList<string> RegionProblems => RegionsOnce.Value.Problems;

    /// <summary>Every source of <paramref name="name"/> (one, unless names clash).</summary>
    public static IReadOnlyList<SnippetSource> Find(string name)
    {
        var found = new List<SnippetSource>();
        if (Regions.TryGetValue(name, out var region))
        {
            found.Add(new("test region", region));
        }

        if (name.Contains('/', StringComparison.Ordinal) && File.Exists(Path.Combine(RepoRoot, name)))
        {
            found.Add(new("repository file", Normalize(File.ReadAllText(Path.Combine(RepoRoot, name)))));
        }

        if (DocOutputs.All.TryGetValue(name, out var produce))
        {
            found.Add(new("doc output", Normalize(produce())));
        }

        return found;
    }

    /// <summary>'\n' line endings, no trailing newline: how a block's content reads.</summary>
    public static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n');

    private static (Dictionary<string, string>, List<string>) ReadRegions()
    {
        var problems = new List<string>();
        var folder = Path.Combine(RepoRoot, RegionFolder);
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(RepoRoot, f).Replace('\\', '/'), File.ReadAllText(f)));
        return (SnippetRegions.Read(files, problems), problems);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Stelvio.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Stelvio.slnx; the doc tests run from the repository's build output.");
    }
}
