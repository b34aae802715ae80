using System.Runtime.InteropServices;
using Stelvio.Cli;

namespace Stelvio.Assets;

/// <summary>
/// Checks, when a C# asset is built, that the program registers the handler of every function built from it,
/// so a mistyped type or method fails the deploy instead of the function's first start in Lambda. The published
/// program is asked for its handlers (<c>bootstrap --list-handlers</c>, see Stelvio.Lambda's <c>LambdaHost</c>)
/// when this machine can run it: Linux on the function's architecture, Native AOT or not. Otherwise (another
/// architecture or OS) the same project is built for this machine (<c>dotnet build -r {this machine}</c>, not
/// self-contained, not AOT) and that build is asked: the registrations are the same code, compiled again.
/// A name matches as Lambda's runtime matches it: exactly, or with or without its namespace when one handler fits.
/// </summary>
internal static class HandlerCheck
{
    /// <summary>The option that makes a Stelvio.Lambda program print its handlers (<c>LambdaHost.ListHandlersOption</c>).</summary>
    public const string ListHandlersOption = "--list-handlers";

    /// <summary>The Lambda architecture this machine runs Linux programs of, or null when it is not Linux.</summary>
    public static string? HostArchitecture => !OperatingSystem.IsLinux() ? null : RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "x86_64",
        Architecture.Arm64 => "arm64",
        _ => null,
    };

    /// <summary>The command that builds a program this machine can run (when the published one is not), printing its path last.</summary>
    public static ProcessCommand HostBuild(string project, string output) => new(
        AssetBuilderProcess.Dotnet,
        [
            "build", project,
            "-c", "Release",
            "-r", RuntimeInformation.RuntimeIdentifier,
            "--self-contained", "false",
            "-p:PublishAot=false",
            "-o", output,
            "-nodeReuse:false",
            "-getProperty:TargetPath",
        ],
        Path.GetDirectoryName(project)!);

    /// <summary>The handler names a <c>--list-handlers</c> run printed: its lines that are <c>[Namespace.]Type.Method</c>.</summary>
    public static IReadOnlyList<string> Registered(ProcessOutcome outcome) =>
        outcome.Output.Select(l => l.Trim()).Where(IsHandlerName).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Throws a <see cref="StelvioConfigException"/> naming every function whose handler <paramref name="registered"/> lacks.</summary>
    public static void Compare(FunctionAsset asset, IReadOnlyList<string> registered, string how)
    {
        var errors = new List<ConfigError>();
        var listed = registered.Count == 0 ? "it registers no handler" : "it registers " + string.Join(", ", registered);
        foreach (var function in asset.Handlers.DistinctBy(h => h.Function))
        {
            var name = function.Name;
            if (registered.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            var fits = registered.Where(r => r.EndsWith("." + name, StringComparison.Ordinal) || name.EndsWith("." + r, StringComparison.Ordinal)).ToList();
            if (fits.Count == 1)
            {
                continue;
            }

            var program = $"the program in '{asset.SourceDirectory}' ({how})";
            if (fits.Count > 1)
            {
                errors.Add(new ConfigError(function.Function, "Handler",
                    $"'{function.Handler}': '{name}' is ambiguous in {program}: it matches {string.Join(", ", fits)}. Give the handler with its namespace."));
                continue;
            }

            var closest = Closest(name, registered);
            errors.Add(new ConfigError(function.Function, "Handler",
                $"'{function.Handler}' names '{name}', which {program} does not register; {listed}." +
                (closest is null ? "" : $" Did you mean '{closest}'?") +
                $" Fix the handler, or register it in the project's Program.cs: LambdaHost.RunAsync(h => h.Add({name}))."));
        }

        if (errors.Count > 0)
        {
            throw new StelvioConfigException(errors);
        }
    }

    /// <summary>The registered name closest to <paramref name="name"/>: as a whole, else by its method alone.</summary>
    private static string? Closest(string name, IReadOnlyList<string> registered)
    {
        if (Suggestions.Closest(name, registered) is { } whole)
        {
            return whole;
        }

        var method = Suggestions.Closest(Method(name), registered.Select(Method));
        return method is null ? null : registered.First(r => Method(r) == method);

        static string Method(string handler) => handler[(handler.LastIndexOf('.') + 1)..];
    }

    private static bool IsHandlerName(string line)
    {
        var parts = line.Split('.');
        return parts.Length >= 2 && parts.All(p => p.Length > 0 && (char.IsLetter(p[0]) || p[0] == '_') && p.All(c => char.IsLetterOrDigit(c) || c == '_'));
    }
}
