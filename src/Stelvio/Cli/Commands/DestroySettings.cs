using System.ComponentModel;
using Spectre.Console.Cli;

namespace Stelvio.Cli.Commands;

/// <summary>Options of <c>destroy</c>.</summary>
internal sealed class DestroySettings : AwsStageSettings
{
    [CommandOption("-y|--yes")]
    [Description("Delete the stack without asking. Required when the terminal is not interactive.")]
    public bool Yes { get; init; }
}
