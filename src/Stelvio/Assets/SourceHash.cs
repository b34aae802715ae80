using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Stelvio.Assets;

/// <summary>
/// A SHA-256 over everything that makes up a function's zip, so the hash changes exactly when the zip would:
/// every file of the source folder (path relative, with '/', and bytes, in ordinal order, skipping build
/// output such as <c>bin</c> and <c>obj</c>); for a C# project also every project it references, transitively,
/// and the MSBuild files that apply to them from above (<c>Directory.Build.props</c> and the like); the content
/// synth generates into the folder (the typed access file, which is not read from disk because synth may not
/// have written it yet); and a salt for the build options. Deterministic across machines and runs: paths are
/// taken relative to the source folder.
/// </summary>
internal static class SourceHash
{
    /// <summary>Folders that are never part of a function's sources: build output, caches, tool state.</summary>
    public static readonly FrozenSet<string> SkippedFolders = FrozenSet.Create(StringComparer.Ordinal, ".stelvio", ".git", ".vs", "__pycache__", "node_modules", "bin", "obj");

    private static readonly string[] BuildFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "NuGet.Config", "nuget.config"];

    /// <summary>
    /// Whether synth generates files of this name (<see cref="GeneratedAccessFile.IsAccessFileName"/>); their content
    /// enters the hash through the <c>generated</c> argument, never from disk.
    /// </summary>
    public static bool IsGenerated(string fileName) => GeneratedAccessFile.IsAccessFileName(fileName);

    /// <summary>The hash of a source folder of the given kind, with the generated content and build options.</summary>
    public static string Compute(AssetKind kind, string directory, string salt, string? generated = null)
    {
        var root = Path.GetFullPath(directory);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, salt);
        Append(hash, "\ngenerated\n" + (generated ?? ""));
        var folders = kind == AssetKind.DotnetProject ? ProjectFolders(root) : [root];
        foreach (var folder in folders)
        {
            var prefix = Relative(root, folder);
            foreach (var file in Files(folder))
            {
                Append(hash, $"\n{prefix}/{file.Relative}\n");
                hash.AppendData(File.ReadAllBytes(file.Full));
            }
        }

        if (kind == AssetKind.DotnetProject)
        {
            foreach (var file in InheritedBuildFiles(folders))
            {
                Append(hash, $"\n{Relative(root, file)}\n");
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    /// <summary>The files that make up a source folder, in the order they are hashed.</summary>
    public static IReadOnlyList<(string Relative, string Full)> Files(string directory)
    {
        var root = Path.GetFullPath(directory);
        var result = new List<(string, string)>();
        Walk(root, "");
        result.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return result;

        void Walk(string folder, string prefix)
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                var name = Path.GetFileName(file);
                if (!IsGenerated(name))
                {
                    result.Add((prefix + name, file));
                }
            }

            foreach (var sub in Directory.EnumerateDirectories(folder))
            {
                var name = Path.GetFileName(sub);
                if (!SkippedFolders.Contains(name))
                {
                    Walk(sub, prefix + name + "/");
                }
            }
        }
    }

    /// <summary>The project's folder and the folders of every project it references, transitively, in ordinal order.</summary>
    internal static IReadOnlyList<string> ProjectFolders(string root)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            if (!seen.Add(folder) || !Directory.Exists(folder))
            {
                continue;
            }

            foreach (var project in Directory.EnumerateFiles(folder, "*.csproj"))
            {
                foreach (var reference in XDocument.Load(project).Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
                {
                    var include = reference.Attribute("Include")?.Value;
                    if (!string.IsNullOrWhiteSpace(include))
                    {
                        var path = Path.GetFullPath(Path.Combine(folder, include.Replace('\\', '/')));
                        pending.Push(Path.GetDirectoryName(path)!);
                    }
                }
            }
        }

        return [.. seen];
    }

    private static IEnumerable<string> InheritedBuildFiles(IEnumerable<string> folders)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            for (var dir = Directory.GetParent(folder); dir is not null; dir = dir.Parent)
            {
                foreach (var name in BuildFiles)
                {
                    var candidate = Path.Combine(dir.FullName, name);
                    if (File.Exists(candidate))
                    {
                        found.Add(candidate);
                    }
                }
            }
        }

        return found;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
}
