using System.Globalization;
using Spectre.Console;
using Stelvio.LocalCloud.EventSources;
using Stelvio.LocalCloud.Gateway;
using Stelvio.LocalCloud.Lambda;

namespace Stelvio.Cli.Local;

/// <summary>
/// How <c>dev -- COMMAND</c> ended: the command's exit code and what the local cloud saw while it ran. The exit code
/// is the command's when it failed; when it succeeded, 1 if a handler failed, a call was denied, a batch was
/// discarded or the handlers were still busy at the end (so <c>dev -- dotnet test</c> fails in CI when the app does,
/// not only when the tests do), else 0.
/// </summary>
internal sealed record DevOutcome(
    int CommandExitCode,
    IReadOnlyList<InvocationResult> Invocations,
    IReadOnlyList<DeniedCall> DeniedCalls,
    IReadOnlyList<FailedBatch> FailedBatches,
    string? NotIdle)
{
    /// <summary>Invocations that failed (a function error, a timeout, a crash).</summary>
    public int FailedInvocations => Invocations.Count(i => i.Error is not null);

    /// <summary>Whether the app itself went wrong while the command ran.</summary>
    public bool AppFailed => FailedInvocations > 0 || DeniedCalls.Count > 0 || FailedBatches.Count > 0 || NotIdle is not null;

    public int ExitCode => CommandExitCode != 0 ? CommandExitCode : AppFailed ? ExitCodes.Failure : ExitCodes.Success;

    /// <summary>The summary: the command's exit code, then invocations (by function), errors, denied calls, discarded batches.</summary>
    public void Write(IAnsiConsole console, string program)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (NotIdle is not null)
        {
            console.MarkupLine("[red]Not idle:[/] " + Markup.Escape(NotIdle));
        }

        var perFunction = Invocations.Count == 0 ? "" : " (" + Markup.Escape(string.Join(", ", Invocations
            .GroupBy(i => i.FunctionName, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}")))) + ")";
        var exited = string.Create(CultureInfo.InvariantCulture, $"{Markup.Escape(program)} exited with {CommandExitCode}");
        var invocations = Count(Invocations.Count, "invocation");
        var problems = string.Join(", ",
            Colour(FailedInvocations, "failed"),
            Colour(DeniedCalls.Count, DeniedCalls.Count == 1 ? "denied call" : "denied calls"),
            Colour(FailedBatches.Count, FailedBatches.Count == 1 ? "discarded batch" : "discarded batches"));
        console.MarkupLine($"[bold]Summary:[/] {exited}; {invocations}{perFunction}, {problems}.");
        if (CommandExitCode == 0 && AppFailed)
        {
            console.MarkupLine("[red]Exit code 1:[/] the command succeeded, but the app did not (see above).");
        }
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    private static string Colour(int count, string text) => count == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{count} {text}")
        : string.Create(CultureInfo.InvariantCulture, $"[red]{count} {text}[/]");
}
