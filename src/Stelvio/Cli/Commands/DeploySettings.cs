using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Stelvio.Deploy;

namespace Stelvio.Cli.Commands;

/// <summary>Options of every command that talks to AWS: <c>--region</c>, <c>--profile</c>, <c>--timeout</c>.</summary>
internal class AwsSettings : CommandSettings
{
    /// <summary>The environment variable giving <c>--timeout</c>'s default, in seconds.</summary>
    public const string TimeoutVariable = "STELVIO_AWS_TIMEOUT";

    [CommandOption("-r|--region <REGION>")]
    [Description("The AWS region. Default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region.")]
    public string? Region { get; init; }

    [CommandOption("-p|--profile <PROFILE>")]
    [Description("The AWS profile of ~/.aws/config to use. Default: AWS_PROFILE, the environment's keys, then the default profile.")]
    public string? Profile { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("How long to wait for an AWS endpoint to answer a request before giving up. Default: STELVIO_AWS_TIMEOUT, else 30.")]
    public int? Timeout { get; init; }

    public override ValidationResult Validate() =>
        Timeout is <= 0 ? ValidationResult.Error($"--timeout must be a positive number of seconds, not {Timeout}.") : ValidationResult.Success();

    /// <summary>Resolves credentials and region from these options and connects (see <see cref="DeployTarget.ConnectAsync"/>).</summary>
    internal Task<DeployTarget> ConnectAsync(DeployServices services, CancellationToken cancellationToken) =>
        DeployTarget.ConnectAsync(Profile, Region, Apply(services), cancellationToken);

    /// <summary>The services with the request timeout these options (or <see cref="TimeoutVariable"/>) give.</summary>
    internal DeployServices Apply(DeployServices services)
    {
        if (Timeout is { } seconds)
        {
            return services with { RequestTimeout = TimeSpan.FromSeconds(seconds) };
        }

        var variable = services.Environment(TimeoutVariable);
        if (string.IsNullOrWhiteSpace(variable))
        {
            return services;
        }

        return double.TryParse(variable, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? services with { RequestTimeout = TimeSpan.FromSeconds(value) }
            : throw new DeployException($"{TimeoutVariable}='{variable}' is not a positive number of seconds. Set it to, say, 30, or unset it.");
    }
}

/// <summary>Options of the commands that talk to AWS for a stage: <c>--stage</c> besides <see cref="AwsSettings"/>'s.</summary>
internal class AwsStageSettings : AwsSettings
{
    [CommandOption(StageSettings.StageTemplate)]
    [Description(StageSettings.StageDescription)]
    public string? Stage { get; init; }

    /// <summary>The stage given, or the one made from the OS user name.</summary>
    public string ResolvedStage => StageSettings.Resolve(Stage);
}

/// <summary>Options of <c>deploy</c>.</summary>
internal sealed class DeploySettings : AwsStageSettings
{
    [CommandOption("-y|--yes")]
    [Description("Execute the change set without asking. Default: ask when the terminal is interactive.")]
    public bool Yes { get; init; }
}

/// <summary>Options of <c>diff</c>.</summary>
internal sealed class DiffSettings : AwsStageSettings
{
    [CommandOption("--exit-code")]
    [Description("Exit with 1 when there are changes to deploy and 0 when there are none, as git diff --exit-code does.")]
    public bool ExitCode { get; init; }
}
