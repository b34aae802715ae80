using System.ComponentModel;
using Spectre.Console.Cli;

namespace Stelvio.Cli.Commands;

/// <summary>Options of the commands that talk to AWS for a stage: <c>--region</c> and <c>--profile</c> besides <c>--stage</c>.</summary>
internal class AwsStageSettings : StageSettings
{
    [CommandOption("-r|--region <REGION>")]
    [Description("The AWS region. Default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region.")]
    public string? Region { get; init; }

    [CommandOption("-p|--profile <PROFILE>")]
    [Description("The AWS profile of ~/.aws/config to use. Default: AWS_PROFILE, the environment's keys, then the default profile.")]
    public string? Profile { get; init; }
}

/// <summary>Options of <c>deploy</c>.</summary>
internal sealed class DeploySettings : AwsStageSettings
{
    [CommandOption("-y|--yes")]
    [Description("Execute the change set without asking. Default: ask when the terminal is interactive.")]
    public bool Yes { get; init; }
}
