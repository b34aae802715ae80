using System.Reflection;
using Spectre.Console.Cli;

namespace Stelvio.Cli;

/// <summary>
/// Checks a command line against the commands' options before anything runs: an unknown command, option or
/// argument, or an option without its value, is a usage error (exit code 2) with a suggestion, so that a
/// mistyped <c>--stage</c> never deploys to the default stage.
/// </summary>
internal static class UsageCheck
{
    private static readonly HashSet<string> HelpOptions = new(StringComparer.Ordinal) { "-h", "--help", "-?" };

    /// <summary>The problem with <paramref name="args"/>, or null when every token is known.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="commands">Command name → its settings type.</param>
    public static string? Check(IReadOnlyList<string> args, IReadOnlyDictionary<string, Type> commands)
    {
        if (args.Count == 0 || HelpOptions.Contains(args[0]) || args[0] == "--version")
        {
            return null;
        }

        var name = args[0];
        if (!commands.TryGetValue(name, out var settingsType))
        {
            var known = string.Join(", ", commands.Keys);
            if (name.StartsWith('-'))
            {
                return $"Unknown option '{name}' before the command. Options follow the command, as in: dotnet run -- synth --stage dev. Commands: {known}.";
            }

            return $"Unknown command '{name}'.{DidYouMean(name, commands.Keys)} Commands: {known}.";
        }

        var options = Options(settingsType);
        var arguments = Arguments(settingsType);
        var given = 0;
        for (var i = 1; i < args.Count; i++)
        {
            var token = args[i];
            if (HelpOptions.Contains(token))
            {
                continue;
            }

            if (token == "--")
            {
                // What follows is a command of its own (dev runs it), never checked against this one's options.
                return typeof(IPassThroughArguments).IsAssignableFrom(settingsType)
                    ? MissingArgument(name, arguments, given)
                    : $"Unexpected '--': '{name}' runs no command of yours; only dev does ({StelvioCli.Invocation} dev -- COMMAND ARGS...).";
            }

            if (!token.StartsWith('-') || token == "-")
            {
                if (given < arguments.Count)
                {
                    given++;
                    continue;
                }

                var asOption = "--" + token;
                var hint = options.ContainsKey(asOption) ? $" Did you mean '{asOption}'?" : "";
                return arguments.Count == 0
                    ? $"Unexpected argument '{token}': '{name}' takes options only ({Listed(options)}).{hint}"
                    : $"Unexpected argument '{token}': '{name}' takes {Named(arguments)} and options ({Listed(options)}).{hint}";
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var optionName = equals > 0 ? token[..equals] : token;
            if (!options.TryGetValue(optionName, out var option))
            {
                return $"Unknown option '{optionName}' for '{name}'.{DidYouMean(optionName, options.Keys)} Options: {Listed(options)}.";
            }

            if (option.ValueName is null || option.ValueIsOptional || equals > 0)
            {
                continue;
            }

            if (i + 1 >= args.Count || (args[i + 1].StartsWith('-') && args[i + 1].Length > 1))
            {
                return $"Option '{optionName}' needs a value: {optionName} <{option.ValueName}>.";
            }

            i++;
        }

        return args.Skip(1).Any(HelpOptions.Contains) ? null : MissingArgument(name, arguments, given);
    }

    private static string? MissingArgument(string name, IReadOnlyList<CommandArgumentAttribute> arguments, int given) =>
        arguments.Skip(given).FirstOrDefault(a => a.IsRequired) is { } missing
            ? $"'{name}' needs <{missing.ValueName}>: {StelvioCli.Invocation} {name} <{missing.ValueName}> [OPTIONS]."
            : null;

    /// <summary>The positional arguments of a settings type, in their order.</summary>
    private static List<CommandArgumentAttribute> Arguments(Type settingsType) =>
        [.. settingsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandArgumentAttribute>())
            .OfType<CommandArgumentAttribute>()
            .OrderBy(a => a.Position)];

    private static string Named(IReadOnlyList<CommandArgumentAttribute> arguments) =>
        string.Join(" ", arguments.Select(a => "<" + a.ValueName + ">"));

    /// <summary>Every option name (<c>--stage</c>, <c>-s</c>) of a settings type, with its declaration.</summary>
    private static Dictionary<string, CommandOptionAttribute> Options(Type settingsType)
    {
        var options = new Dictionary<string, CommandOptionAttribute>(StringComparer.Ordinal);
        foreach (var property in settingsType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<CommandOptionAttribute>() is not { } option)
            {
                continue;
            }

            foreach (var longName in option.LongNames)
            {
                options["--" + longName] = option;
            }

            foreach (var shortName in option.ShortNames)
            {
                options["-" + shortName] = option;
            }
        }

        return options;
    }

    private static string Listed(Dictionary<string, CommandOptionAttribute> options)
    {
        var names = options.Keys.Where(k => k.StartsWith("--", StringComparison.Ordinal)).Concat(["--help"]).ToList();
        return string.Join(", ", names);
    }

    private static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Suggestions.Closest(typed, candidates) is { } closest ? $" Did you mean '{closest}'?" : "";
}
