using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Stelvio.Cli.Commands;

/// <summary>Options of <c>dev</c>; a command after <c>--</c> is run against the local cloud.</summary>
internal sealed class DevSettings : LocalSettings, IPassThroughArguments
{
    [CommandOption("--port <PORT>")]
    [Description("The port of the local endpoint on 127.0.0.1. Default: a free port.")]
    public int? Port { get; init; }

    [CommandOption("--no-watch")]
    [Description("Do not rebuild and swap a function's code when its source folder changes.")]
    public bool NoWatch { get; init; }

    public override ValidationResult Validate() =>
        Port is < 0 or > 65535 ? ValidationResult.Error($"--port must be a port number from 1 to 65535 (or 0 for a free one), not {Port}.") : ValidationResult.Success();
}

/// <summary>Options of the commands that run the app locally: <c>--stage</c> and <c>--data</c>.</summary>
internal class LocalSettings : CommandSettings
{
    [CommandOption(StageSettings.StageTemplate)]
    [Description(StageSettings.StageDescription)]
    public string? Stage { get; init; }

    [CommandOption("--data <DIR>")]
    [Description("Keep the tables (items and streams) in this folder between runs. Default: in memory, gone when the command ends.")]
    public string? Data { get; init; }

    /// <summary>The stage given, or the one made from the OS user name.</summary>
    public string ResolvedStage => StageSettings.Resolve(Stage);
}
