using System.ComponentModel;
using Spectre.Console.Cli;
using Stelvio.Naming;

namespace Stelvio.Cli;

/// <summary>Options of <c>synth</c>: <c>--stage</c>.</summary>
internal class StageSettings : CommandSettings
{
    /// <summary>The option's template; <see cref="Commands.AwsStageSettings"/> declares it with the same text.</summary>
    internal const string StageTemplate = "-s|--stage <STAGE>";

    internal const string StageDescription = "The stage: dev, prod, ... Default: your OS user name.";

    [CommandOption(StageTemplate)]
    [Description(StageDescription)]
    public string? Stage { get; init; }

    /// <summary>The stage given, or the one made from the OS user name.</summary>
    public string ResolvedStage => Resolve(Stage);

    internal static string Resolve(string? stage) => stage ?? NameRules.DefaultStage(Environment.UserName);
}
