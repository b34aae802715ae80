using System.Globalization;
using Spectre.Console;
using Stelvio.LocalCloud.EventSources;
using Stelvio.LocalCloud.Hosting;

namespace Stelvio.Cli.Local;

/// <summary>
/// <c>dev</c>'s console while the local cloud runs: events come from many threads (invocations, the gateway, the
/// watcher, the command's output), so every write goes through one lock and each invocation's lines stay together.
/// </summary>
internal sealed class LiveOutput(IAnsiConsole console)
{
    private readonly Lock gate = new();

    /// <summary>Prints one line of markup.</summary>
    public void Line(string markup)
    {
        lock (gate)
        {
            console.MarkupLine(markup);
        }
    }

    /// <summary>Prints several lines that stay together (the resources at start-up, while the first events may come).</summary>
    public void Block(Action<IAnsiConsole> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (gate)
        {
            write(console);
        }
    }

    /// <summary>Prints a line of the user's command as it wrote it (no markup).</summary>
    public void Text(string text)
    {
        lock (gate)
        {
            console.WriteLine(text);
        }
    }

    /// <summary>The local cloud's events: an invocation, a denied call, a discarded batch, a retried one, a code swap.</summary>
    public void On(LocalCloudEvent localEvent)
    {
        lock (gate)
        {
            switch (localEvent)
            {
                case InvocationFinished finished:
                    InvocationLines.Write(console, finished.Result);
                    break;
                case CallDenied denied:
                    console.MarkupLine(InvocationLines.Denied(denied.Call.At, denied.Call.FunctionName, denied.Call.Action, denied.Call.Resource));
                    console.MarkupLine("    [grey]│[/] " + Markup.Escape(denied.Call.Message));
                    break;
                case BatchStep { Step.Kind: MappingEventKind.Retrying } step:
                    console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                        $"[grey]{step.Step.At.ToLocalTime():HH:mm:ss.fff}[/]  [yellow]RETRY[/]  [bold]{Markup.Escape(step.Step.FunctionName)}[/]  {step.Step.RecordCount} records, attempt {step.Step.Attempt + 1}; the shard waits for them"));
                    break;
                case BatchDiscarded discarded:
                    var batch = discarded.Batch;
                    console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                        $"[grey]{batch.At.ToLocalTime():HH:mm:ss.fff}[/]  [red]DISCARDED[/]  [bold]{Markup.Escape(batch.FunctionName)}[/]  {batch.RecordCount} records ({Markup.Escape(batch.Condition)})")
                        + (batch.Destination is { } destination ? "; failure record kept for " + Markup.Escape(destination) : ""));
                    break;
                case CodeReplaced replaced:
                    console.MarkupLine($"[green]Swapped in[/] the new code of {Markup.Escape(string.Join(", ", replaced.Functions))}; the next invocations run it.");
                    break;
            }
        }
    }
}
