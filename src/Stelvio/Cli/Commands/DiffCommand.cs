using Spectre.Console;
using Spectre.Console.Cli;
using Stelvio.Deploy;

namespace Stelvio.Cli.Commands;

/// <summary>
/// <c>diff</c>: shows what a deploy would change (the change set, which is then deleted) and the
/// property-level difference between the deployed template and the new one. Changes nothing. With
/// <c>--exit-code</c> it exits with 1 when there are changes, as <c>git diff --exit-code</c>.
/// </summary>
internal sealed class DiffCommand(AppDefinition definition, IAnsiConsole console, DeployServices services) : AsyncCommand<DiffSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DiffSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return DeployRun.RunAsync(console, cancellationToken, run => DiffAsync(settings, run));
    }

    private async Task<int> DiffAsync(DiffSettings settings, DeployRun run)
    {
        using var stage = await StagePlan.CreateAsync(definition, settings, services, console, run, deploy: false);
        try
        {
            if (stage.Plan.IsEmpty)
            {
                console.MarkupLine($"[green]No changes:[/] stack [bold]{Markup.Escape(stage.StackName)}[/] is up to date.");
            }

            stage.WriteChanges(console);
        }
        finally
        {
            if (!stage.Plan.IsEmpty)
            {
                await new StackDeployment(stage.Target).DiscardAsync(stage.Plan, CancellationToken.None);
            }
        }

        var changed = !stage.Plan.IsEmpty || !stage.Diff.IsEmpty;
        return settings.ExitCode && changed ? ExitCodes.Failure : ExitCodes.Success;
    }
}
