using Spectre.Console;
using Spectre.Console.Cli;
using Stelvio.Deploy;
using Stelvio.Deploy.Display;

namespace Stelvio.Cli.Commands;

/// <summary>
/// <c>deploy</c>: synthesizes the app, uploads its function code, creates a change set on stack
/// <c>{app}-{stage}</c>, shows it with the same property-level changes as <c>diff</c>, asks (unless <c>--yes</c>
/// or not interactive), executes it while streaming the stack's events, and ends with the outputs or the failures.
/// </summary>
internal sealed class DeployCommand(AppDefinition definition, IAnsiConsole console, DeployServices services) : AsyncCommand<DeploySettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, DeploySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return DeployRun.RunAsync(console, cancellationToken, run => DeployAsync(settings, run));
    }

    private async Task<int> DeployAsync(DeploySettings settings, DeployRun run)
    {
        using var stage = await StagePlan.CreateAsync(definition, settings, services, console, run, deploy: true);
        var stack = stage.StackName;
        var plan = stage.Plan;
        var steps = new StackDeployment(stage.Target);
        if (plan.IsEmpty)
        {
            console.MarkupLine($"[green]No changes:[/] stack [bold]{Markup.Escape(stack)}[/] is up to date; nothing to deploy.");
            ResultView.Outputs(console, plan.ExistingStack is { } existing ? await StackOutputs.ReadAsync(stage.Target, existing, run.Token) : []);
            return ExitCodes.Success;
        }

        stage.WriteChanges(console);
        if (!settings.Yes)
        {
            if (console.Profile.Capabilities.Interactive)
            {
                var confirmed = await new ConfirmationPrompt($"Deploy these changes to {stack}?") { DefaultValue = false }.ShowAsync(console, run.Token);
                if (!confirmed)
                {
                    await steps.DiscardAsync(plan, CancellationToken.None);
                    console.MarkupLine("Not deployed; the change set was deleted.");
                    return ExitCodes.Failure;
                }
            }
            else
            {
                console.MarkupLine("[grey]Not interactive: executing without asking.[/]");
            }
        }

        run.CancelMessage =
            $"Stopped watching. CloudFormation carries on deploying stack {stack} on its own; nothing local needs cleaning up. " +
            $"Follow it with: aws cloudformation describe-stack-events --stack-name {stack} --region {stage.Target.Session.Region} (or run 'outputs' once it is done).";
        var result = await EventsView.FollowAsync(console, $"Deploying {stack}", plan.ChangeSet!.Changes.Count, onEvent => steps.ExecuteAsync(plan, onEvent, run.Token));
        if (!result.Succeeded)
        {
            ResultView.Failure(console, "Deploy", stack, result);
            return ExitCodes.Failure;
        }

        console.MarkupLine($"[green]Deployed[/] stack [bold]{Markup.Escape(stack)}[/] ({Styles.Status(result.FinalStatus)}).");
        ResultView.Outputs(console, result.Stack is { } final ? await StackOutputs.ReadAsync(stage.Target, final, run.Token) : []);
        return ExitCodes.Success;
    }
}
