using System.Text;

namespace Stelvio.Cli;

/// <summary>Writes the files synth generates beside the user's code (typed resource access), touching only those whose content changed.</summary>
internal static class GeneratedFileWriter
{
    /// <summary>Writes <paramref name="files"/> (full path → content); returns the paths actually rewritten.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyDictionary<string, string> files)
    {
        var written = new List<string>();
        foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var bytes = Encoding.UTF8.GetBytes(content);
            if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            written.Add(path);
        }

        return written;
    }
}
