using Spectre.Console;
using Stelvio.Deploy;
using Stelvio.Deploy.Aws;

namespace Stelvio.Cli.Commands;

/// <summary>
/// Runs a command that talks to AWS: turns Ctrl+C into cancellation (saying what it means at that moment),
/// and user-facing failures into one line each, never a stack trace.
/// </summary>
internal sealed class DeployRun : IDisposable
{
    /// <summary>The exit code of a run stopped with Ctrl+C.</summary>
    public const int CancelledExitCode = ExitCodes.Interrupted;

    private readonly CancellationTokenSource cancellation;

    private DeployRun(CancellationToken outer)
    {
        cancellation = CancellationTokenSource.CreateLinkedTokenSource(outer);
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    /// <summary>The token that Ctrl+C (or the caller) cancels.</summary>
    public CancellationToken Token => cancellation.Token;

    /// <summary>What Ctrl+C means at this point of the command; printed when it is pressed.</summary>
    public string CancelMessage { get; set; } = "Cancelled; nothing was changed.";

    public static async Task<int> RunAsync(IAnsiConsole console, CancellationToken cancellationToken, Func<DeployRun, Task<int>> action)
    {
        using var run = new DeployRun(cancellationToken);
        try
        {
            return await action(run);
        }
        catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]" + Markup.Escape(run.CancelMessage) + "[/]");
            return CancelledExitCode;
        }
        catch (DeployException exception)
        {
            console.MarkupLine("[red]Error:[/] " + Markup.Escape(exception.Message));
            return ExitCodes.Failure;
        }
        catch (StelvioConfigException exception)
        {
            CliErrors.Print(console, exception);
            return ExitCodes.Failure;
        }
        catch (AwsServiceException exception)
        {
            // A call no command translated with its context: still one line, not a stack trace.
            console.MarkupLine("[red]Error:[/] " + Markup.Escape(AwsErrors.Describe(exception, null).Message));
            return ExitCodes.Failure;
        }
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        cancellation.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (!cancellation.IsCancellationRequested)
        {
            // The first Ctrl+C stops waiting; a second one ends the program at once.
            e.Cancel = true;
            cancellation.Cancel();
        }
    }
}
