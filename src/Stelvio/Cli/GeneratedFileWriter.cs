using System.Text;
using Stelvio.Assets;

namespace Stelvio.Cli;

/// <summary>What writing the generated files changed: the files rewritten and the stale ones deleted.</summary>
internal sealed record GeneratedFileChanges(IReadOnlyList<string> Written, IReadOnlyList<string> Deleted);

/// <summary>
/// Writes the files synth generates beside the user's code (typed resource access), touching only those whose content
/// changed, and deletes the access files the app generated before but no longer does (a function renamed, removed or
/// moved) in the folders it writes to. A file is deleted only when its name is an access file's and its header says
/// Stelvio wrote it for this app (or, naming no app, that an earlier version wrote it): another app's files in a
/// shared folder, and the user's own files, are left alone.
/// </summary>
internal static class GeneratedFileWriter
{
    /// <summary>Writes the generated files of <paramref name="result"/> and deletes its app's stale ones beside them.</summary>
    public static GeneratedFileChanges Write(SynthResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var written = Write(result.GeneratedFiles);
        var deleted = new List<string>();
        foreach (var folder in result.GeneratedFiles.Keys.Select(Path.GetDirectoryName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            foreach (var path in Directory.EnumerateFiles(folder!).Order(StringComparer.Ordinal))
            {
                if (!result.GeneratedFiles.ContainsKey(path) && GeneratedAccessFile.IsWrittenFor(path, result.App.Name))
                {
                    File.Delete(path);
                    deleted.Add(path);
                }
            }
        }

        return new GeneratedFileChanges(written, deleted);
    }

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
