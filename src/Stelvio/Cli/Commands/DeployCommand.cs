using Spectre.Console;
using Spectre.Console.Cli;
using Stelvio.Deploy;
using Stelvio.Deploy.Diff;
using Stelvio.Deploy.Display;

namespace Stelvio.Cli.Commands;

/// <summary>
/// <c>deploy</c>: synthesizes the app, uploads its function code, creates a change set on stack
/// <c>{app}-{stage}</c>, shows it, asks (unless <c>--yes</c> or not interactive), executes it while
/// streaming the stack's events, and ends with the outputs or the failures.
/// </summary>
public sealed class DeployCommand(AppDefinition definition, IAnsiConsole console, DeployServices services) : AsyncCommand<DeploySettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DeploySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return DeployRun.RunAsync(console, cancellationToken, run => DeployAsync(settings, run));
    }

    private async Task<int> DeployAsync(DeploySettings settings, DeployRun run)
    {
        var synth = definition.Build(settings.ResolvedStage).Synth().EnsureWithinStackLimits();
        SynthSummary.WriteWarnings(console, synth);

        GeneratedFileWriter.Write(synth.GeneratedFiles);
        using var target = await DeployTarget.ConnectAsync(settings.Profile, settings.Region, services, run.Token);
        var stack = synth.StackName;
        console.MarkupLine($"Deploying [bold]{Markup.Escape(stack)}[/] to account [bold]{target.Identity.Account}[/] in [bold]{Markup.Escape(target.Session.Region)}[/] as {Markup.Escape(target.Identity.Arn)}");

        var deployment = new AppDeployment(target, synth);
        var progress = new ConsoleProgress(console);
        run.CancelMessage = "Cancelled before anything was deployed.";
        var (template, _) = await deployment.PrepareAsync(progress, uploadAssets: true, run.Token);
        var deployed = await deployment.DeployedTemplateAsync(run.Token);
        run.CancelMessage = $"Cancelled before executing; nothing was deployed. CloudFormation may keep the unexecuted change set of stack {stack}; the next deploy replaces it.";
        var plan = await deployment.PlanAsync(template, progress, run.Token);
        var steps = new StackDeployment(target);
        if (plan.IsEmpty)
        {
            console.MarkupLine($"[green]No changes:[/] stack [bold]{Markup.Escape(stack)}[/] is up to date; nothing to deploy.");
            ResultView.Outputs(console, plan.ExistingStack is { } existing ? await StackOutputs.ReadAsync(target, existing, run.Token) : []);
            return 0;
        }

        ChangeSetView.Write(console, plan, PermissionDiff.Added(deployed, deployment.Template));
        if (!settings.Yes)
        {
            if (console.Profile.Capabilities.Interactive)
            {
                var confirmed = await new ConfirmationPrompt($"Deploy these changes to {stack}?") { DefaultValue = false }.ShowAsync(console, run.Token);
                if (!confirmed)
                {
                    await steps.DiscardAsync(plan, CancellationToken.None);
                    console.MarkupLine("Not deployed; the change set was deleted.");
                    return 1;
                }
            }
            else
            {
                console.MarkupLine("[grey]Not interactive: executing without asking.[/]");
            }
        }

        run.CancelMessage =
            $"Stopped watching. CloudFormation carries on deploying stack {stack} on its own; nothing local needs cleaning up. " +
            $"Follow it with: aws cloudformation describe-stack-events --stack-name {stack} --region {target.Session.Region} (or run 'outputs' once it is done).";
        var result = await EventsView.FollowAsync(console, $"Deploying {stack}", plan.ChangeSet!.Changes.Count, onEvent => steps.ExecuteAsync(plan, onEvent, run.Token));
        if (!result.Succeeded)
        {
            ResultView.Failure(console, "Deploy", stack, result);
            return 1;
        }

        console.MarkupLine($"[green]Deployed[/] stack [bold]{Markup.Escape(stack)}[/] ({Styles.Status(result.FinalStatus)}).");
        ResultView.Outputs(console, result.Stack is { } final ? await StackOutputs.ReadAsync(target, final, run.Token) : []);
        return 0;
    }
}
