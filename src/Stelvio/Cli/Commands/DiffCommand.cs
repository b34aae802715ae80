using Spectre.Console;
using Spectre.Console.Cli;
using Stelvio.Deploy;
using Stelvio.Deploy.Diff;
using Stelvio.Deploy.Display;

namespace Stelvio.Cli.Commands;

/// <summary>
/// <c>diff</c>: shows what a deploy would change (the change set, which is then deleted) and the
/// property-level difference between the deployed template and the new one. Changes nothing.
/// </summary>
internal sealed class DiffCommand(AppDefinition definition, IAnsiConsole console, DeployServices services) : AsyncCommand<AwsStageSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, AwsStageSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return DeployRun.RunAsync(console, cancellationToken, run => DiffAsync(settings, run));
    }

    private async Task<int> DiffAsync(AwsStageSettings settings, DeployRun run)
    {
        var synth = definition.Build(settings.ResolvedStage).Synth().EnsureWithinStackLimits();
        SynthSummary.WriteWarnings(console, synth);
        using var target = await DeployTarget.ConnectAsync(settings.Profile, settings.Region, services, run.Token);
        var stack = synth.StackName;
        console.MarkupLine($"Comparing [bold]{Markup.Escape(stack)}[/] in account [bold]{target.Identity.Account}[/], [bold]{Markup.Escape(target.Session.Region)}[/] with the app");
        var deployment = new AppDeployment(target, synth);
        var progress = new ConsoleProgress(console);
        var (template, _) = await deployment.PrepareAsync(progress, uploadAssets: false, run.Token);
        var deployedBody = await deployment.DeployedTemplateAsync(run.Token);
        run.CancelMessage = $"Cancelled. A change set of stack {stack} may be left unexecuted in CloudFormation; it changes nothing and the next deploy replaces it.";
        var plan = await deployment.PlanAsync(template, progress, run.Token);
        if (plan.IsEmpty)
        {
            console.MarkupLine($"[green]No changes:[/] stack [bold]{Markup.Escape(stack)}[/] is up to date.");
        }
        else
        {
            try
            {
                ChangeSetView.Write(console, plan, PermissionDiff.Added(deployedBody, deployment.Template));
            }
            finally
            {
                await new StackDeployment(target).DiscardAsync(plan, CancellationToken.None);
            }
        }

        var diff = TemplateDiff.Compare(deployedBody, deployment.Template);
        if (!plan.IsEmpty || !diff.IsEmpty)
        {
            TemplateDiffView.Write(console, diff, plan.ExistingStack is not null && plan.Type == Stelvio.Deploy.CloudFormationApi.ChangeSetType.Update);
        }

        return 0;
    }
}
