using Spectre.Console;

namespace Stelvio.Cli;

/// <summary>Prints user errors as short lines, never as stack traces.</summary>
internal static class CliErrors
{
    public static int Run(IAnsiConsole console, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (StelvioConfigException exception)
        {
            Print(console, exception);
            return 1;
        }
    }

    /// <summary>Prints a configuration error: one line, or a count followed by one line per error.</summary>
    public static void Print(IAnsiConsole console, StelvioConfigException exception)
    {
        console.MarkupLine(exception.Errors.Count == 1 ? "[red]Error:[/]" : $"[red]{exception.Errors.Count} errors:[/]");
        foreach (var error in exception.Errors)
        {
            console.MarkupLine("  [red]-[/] " + Markup.Escape(error.ToString()));
        }
    }
}
