using System.Threading.Channels;
using Stelvio.Assets;

namespace Stelvio.Cli.Local;

/// <summary>
/// Watches functions' source folders and calls back once per burst of changes (an editor's save is several file
/// events): after <c>debounce</c> without a further change, one call per folder at a time; changes made while a
/// call runs lead to one more call after it. Build output (<c>bin</c>, <c>obj</c>), <c>.stelvio</c>, caches and
/// the files synth generates are not sources and never trigger a call.
/// </summary>
internal sealed class SourceWatcher : IAsyncDisposable
{
    private readonly List<FileSystemWatcher> watchers = [];
    private readonly List<Task> loops = [];
    private readonly CancellationTokenSource stopping = new();

    /// <param name="folders">The folders to watch (each with its subfolders).</param>
    /// <param name="debounce">How long a folder must be quiet before the call.</param>
    /// <param name="onChanged">Called with the folder that changed; its exceptions end nothing but that call.</param>
    public SourceWatcher(IEnumerable<string> folders, TimeSpan debounce, Func<string, CancellationToken, Task> onChanged)
    {
        ArgumentNullException.ThrowIfNull(folders);
        foreach (var folder in folders.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            var changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            void Changed(object sender, FileSystemEventArgs e)
            {
                if (IsSource(folder, e.FullPath))
                {
                    changes.Writer.TryWrite(e.FullPath);
                }
            }

            watcher.Changed += Changed;
            watcher.Created += Changed;
            watcher.Deleted += Changed;
            watcher.Renamed += (sender, e) =>
            {
                Changed(sender, e);
                if (IsSource(folder, e.OldFullPath))
                {
                    changes.Writer.TryWrite(e.OldFullPath);
                }
            };
            // Too many changes at once for the watcher's buffer: something changed, so rebuild.
            watcher.Error += (_, _) => changes.Writer.TryWrite(folder);
            watcher.EnableRaisingEvents = true;
            watchers.Add(watcher);
            loops.Add(Task.Run(() => LoopAsync(folder, changes.Reader, debounce, onChanged, stopping.Token)));
        }
    }

    /// <summary>Whether a change to <paramref name="path"/> is a change of the function's sources.</summary>
    internal static bool IsSource(string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, path);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return false;
        }

        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (parts.Take(parts.Length - 1).Any(SourceHash.SkippedFolders.Contains) || SourceHash.SkippedFolders.Contains(parts[^1]))
        {
            return false;
        }

        var name = parts[^1];
        // Editors' swap and backup files come and go on every save without being sources.
        return !SourceHash.IsGenerated(name) && !name.EndsWith('~') && !name.EndsWith(".swp", StringComparison.Ordinal) && !name.StartsWith(".#", StringComparison.Ordinal);
    }

    private static async Task LoopAsync(string folder, ChannelReader<string> changes, TimeSpan debounce, Func<string, CancellationToken, Task> onChanged, CancellationToken cancellationToken)
    {
        try
        {
            while (await changes.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // Quiet for `debounce`: every change of the burst is taken, then one call.
                do
                {
                    while (changes.TryRead(out _))
                    {
                    }

                    await Task.Delay(debounce, cancellationToken).ConfigureAwait(false);
                }
                while (changes.TryPeek(out _));

                try
                {
                    await onChanged(folder, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // The callback reports its own failures; the next change tries again.
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var watcher in watchers)
        {
            watcher.EnableRaisingEvents = false;
            watcher.Dispose();
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(loops).ConfigureAwait(false);
        stopping.Dispose();
    }
}
