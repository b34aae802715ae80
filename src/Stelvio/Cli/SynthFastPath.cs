using Spectre.Console;
using Stelvio.Cli.Commands;

namespace Stelvio.Cli;

/// <summary>
/// <c>synth</c> without building the command-line model: a well-formed <c>synth</c> command line (checked by
/// <see cref="UsageCheck"/>, as every command line is) runs <see cref="SynthCommand.Run"/> directly. Configuring
/// Spectre.Console.Cli's <c>CommandApp</c> (its command model, built by reflection, and the JIT of its parser) took
/// about a third of the start-up of <c>synth</c>, the command run most often. Anything else (help, a usage error,
/// another command) goes through the full command line, which gives the same results and messages.
/// </summary>
internal static class SynthFastPath
{
    private static readonly Dictionary<string, Type> Synth = new(StringComparer.Ordinal) { ["synth"] = typeof(SynthCommand.Settings) };

    /// <summary>The exit code of the synth run, or null when the command line is not a plain, valid <c>synth</c>.</summary>
    public static int? TryRun(IReadOnlyList<string> args, AppDefinition definition, IAnsiConsole console, Func<IAnsiConsole, Exception, int> unhandled)
    {
        if (args.Count == 0 || args[0] != "synth" || args.Any(a => a is "-h" or "--help" or "-?") || UsageCheck.Check(args, Synth) is not null)
        {
            return null;
        }

        string? stage = null;
        var output = SynthCommand.Settings.DefaultOutput;
        for (var i = 1; i < args.Count; i++)
        {
            var token = args[i];
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? token[..equals] : token;
            var value = equals > 0 ? token[(equals + 1)..] : args[++i];
            switch (name)
            {
                case "-s" or "--stage":
                    stage = value;
                    break;
                case "-o" or "--output":
                    output = value;
                    break;
                default:
                    return null; // an option this path does not know: the full command line handles it
            }
        }

        try
        {
            return SynthCommand.Run(definition, console, StageSettings.Resolve(stage), output);
        }
        catch (Exception exception)
        {
            return unhandled(console, exception);
        }
    }
}
