using System.Text;

namespace Stelvio.LocalCloud.Tests.Cli;

/// <summary>The CLI's output, written from many threads, that a test can await a line of.</summary>
internal sealed class ObservedWriter : StringWriter
{
    private readonly Lock gate = new();
    private readonly List<(string Marker, TaskCompletionSource<string> Seen)> waiters = [];
    private readonly StringBuilder line = new();

    /// <summary>Completes with the first whole line containing <paramref name="marker"/>.</summary>
    public Task<string> LineContainingAsync(string marker)
    {
        lock (gate)
        {
            // Whole lines only: the text after the last newline is still being written.
            var lines = base.ToString().Split('\n');
            if (lines[..^1].FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal)) is { } found)
            {
                return Task.FromResult(found.TrimEnd('\r'));
            }

            var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((marker, seen));
            return seen.Task;
        }
    }

    public override void Write(char value)
    {
        lock (gate)
        {
            base.Write(value);
            if (value != '\n')
            {
                line.Append(value);
                return;
            }

            var text = line.ToString().TrimEnd('\r');
            line.Clear();
            foreach (var waiter in waiters.Where(w => text.Contains(w.Marker, StringComparison.Ordinal)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Seen.TrySetResult(text);
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        for (var i = index; i < index + count; i++)
        {
            Write(buffer[i]);
        }
    }

    public override string ToString()
    {
        lock (gate)
        {
            return base.ToString();
        }
    }
}
