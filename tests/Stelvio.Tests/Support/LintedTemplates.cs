namespace Stelvio.Tests.Support;

/// <summary>The folder where this test run's templates are collected for cfn-lint.</summary>
public static class LintedTemplates
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Names = [];

    static LintedTemplates()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        Directory.CreateDirectory(Folder);
    }

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "cfn-lint-templates");

    public static void Save(string name, byte[] template)
    {
        lock (Gate)
        {
            var unique = name;
            for (var i = 2; !Names.Add(unique); i++)
            {
                unique = $"{name}.{i}";
            }

            File.WriteAllBytes(Path.Combine(Folder, unique + ".json"), template);
        }
    }

    public static string[] Files => Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal).ToArray();
}
