using System.Diagnostics;
using System.Globalization;

namespace Stelvio.LocalCloud.Lambda.Sandboxes;

/// <summary>A process and every process it started, read from <c>/proc</c>: killed together, awaited together.</summary>
internal static class ProcessTree
{
    /// <summary>
    /// Kills <paramref name="process"/> and all its descendants (SIGKILL) and waits until none of them runs any more
    /// (gone, or a zombie waiting for its parent), at most <paramref name="limit"/>.
    /// </summary>
    public static async Task KillAsync(Process process, TimeSpan limit)
    {
        int root;
        try
        {
            if (process.HasExited)
            {
                return;
            }

            root = process.Id;
        }
        catch (InvalidOperationException)
        {
            return;
        }

        var tree = Descendants(root);
        tree.Add(root);
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile; its children are killed below.
        }

        foreach (var pid in tree)
        {
            Signal(pid);
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (tree.Exists(IsRunning) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    /// <summary>Whether a process with this ID exists and is not a zombie.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The IDs of every descendant of <paramref name="root"/> now.</summary>
    public static List<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(pid);
            }
            catch (IOException)
            {
                // Gone while listing.
            }
        }

        var result = new List<int>();
        var pending = new Stack<int>([root]);
        while (pending.TryPop(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                result.Add(child);
                pending.Push(child);
            }
        }

        return result;
    }

    private static void Signal(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Not ours to signal, or gone.
        }
    }
}
