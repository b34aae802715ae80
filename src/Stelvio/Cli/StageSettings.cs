using System.ComponentModel;
using Spectre.Console.Cli;
using Stelvio.Naming;

namespace Stelvio.Cli;

/// <summary>Options every command takes.</summary>
internal class StageSettings : CommandSettings
{
    [CommandOption("-s|--stage <STAGE>")]
    [Description("The stage: dev, prod, ... Default: your OS user name.")]
    public string? Stage { get; init; }

    /// <summary>The stage given, or the one made from the OS user name.</summary>
    public string ResolvedStage => Stage ?? NameRules.DefaultStage(Environment.UserName);
}
