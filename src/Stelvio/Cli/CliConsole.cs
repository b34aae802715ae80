using Spectre.Console;

namespace Stelvio.Cli;

/// <summary>
/// The console commands write to. Output that is not a terminal (a file, a pipe, a CI log) is not wrapped, so
/// that every line stays whole; <c>NO_COLOR</c> (any non-empty value, see no-color.org) removes all styling.
/// </summary>
internal static class CliConsole
{
    /// <summary>The width given to output that is not a terminal: wide enough that no line wraps.</summary>
    public const int UnwrappedWidth = 4096;

    /// <summary>The console of a real run, on standard output.</summary>
    public static IAnsiConsole Create(Func<string, string?> environment) => Create(environment, Console.Out, AnsiSupport.Detect);

    internal static IAnsiConsole Create(Func<string, string?> environment, TextWriter output, AnsiSupport ansi)
    {
        var noColor = !string.IsNullOrEmpty(environment("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = noColor ? AnsiSupport.No : ansi,
            ColorSystem = noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(output),
        });
        Unwrap(console);
        return console;
    }

    /// <summary>Widens a console that does not write to a terminal, so that nothing is wrapped.</summary>
    public static void Unwrap(IAnsiConsole console)
    {
        if (!console.Profile.Out.IsTerminal && console.Profile.Width < UnwrappedWidth)
        {
            console.Profile.Width = UnwrappedWidth;
        }
    }
}
