using Spectre.Console;
using Spectre.Console.Cli;
using Stelvio.Deploy;
using Stelvio.Deploy.Aws;
using Stelvio.Deploy.CloudFormationApi;
using Stelvio.Deploy.Diff;
using Stelvio.Deploy.Display;

namespace Stelvio.Cli.Commands;

/// <summary>
/// <c>destroy</c>: after confirmation, deletes stack <c>{app}-{stage}</c>, streams its events, and names the
/// resources kept by their deletion policy (tables of protected stages, for instance), which still exist.
/// </summary>
internal sealed class DestroyCommand(AppDefinition definition, IAnsiConsole console, DeployServices services) : AsyncCommand<DestroySettings>
{
    /// <summary>Deletion policies that keep a resource when its stack is deleted.</summary>
    private static readonly HashSet<string> Retaining = new(StringComparer.Ordinal) { "Retain", "RetainExceptOnCreate" };

    public override Task<int> ExecuteAsync(CommandContext context, DestroySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return DeployRun.RunAsync(console, cancellationToken, run => DestroyAsync(settings, run));
    }

    private async Task<int> DestroyAsync(DestroySettings settings, DeployRun run)
    {
        var stackName = definition.Build(settings.ResolvedStage).StackName;
        using var target = await settings.ConnectAsync(services, run.Token);
        var cfn = target.CloudFormation;
        Stack? stack;
        IReadOnlyList<StackResource> resources;
        Dictionary<string, string> policies;
        try
        {
            stack = await cfn.DescribeStackAsync(stackName, run.Token);
            if (stack is null)
            {
                console.MarkupLine($"Stack [bold]{Markup.Escape(stackName)}[/] does not exist in account {target.Identity.Account}, {Markup.Escape(target.Session.Region)}; nothing to destroy.");
                return 0;
            }

            resources = await cfn.ListStackResourcesAsync(stackName, run.Token); // every page: a stack holds up to 500
            policies = RetainPolicies(TemplateDiff.Parse(await cfn.GetTemplateAsync(stackName, run.Token)));
        }
        catch (AwsServiceException exception)
        {
            throw AwsErrors.Describe(exception, target.Session, stackName);
        }

        console.MarkupLine($"Stack [bold]{Markup.Escape(stackName)}[/] in account [bold]{target.Identity.Account}[/], [bold]{Markup.Escape(target.Session.Region)}[/] ({Styles.Status(stack.Status)}) has {resources.Count} resources:");
        foreach (var resource in resources)
        {
            var kept = policies.TryGetValue(resource.LogicalResourceId, out var policy) ? $"  [yellow]kept ({Markup.Escape(policy)})[/]" : "";
            console.MarkupLine($"  [red]-[/] {Markup.Escape(resource.LogicalResourceId)} [grey]{Markup.Escape(resource.ResourceType)} {Markup.Escape(resource.PhysicalResourceId ?? "")}[/]{kept}");
        }

        if (!settings.Yes)
        {
            if (!console.Profile.Capabilities.Interactive)
            {
                throw new DeployException($"destroy deletes stack '{stackName}' and its resources; the terminal is not interactive, so pass --yes to confirm.");
            }

            if (!await new ConfirmationPrompt($"Delete stack {stackName} and these resources?") { DefaultValue = false }.ShowAsync(console, run.Token))
            {
                console.MarkupLine("Nothing was deleted.");
                return 1;
            }
        }

        run.CancelMessage =
            $"Stopped watching. CloudFormation carries on deleting stack {stackName} on its own. " +
            $"Follow it with: aws cloudformation describe-stack-events --stack-name {stack.StackId} --region {target.Session.Region}";
        var result = await EventsView.FollowAsync(console, $"Destroying {stackName}", resources.Count, onEvent => new StackDeployment(target).DestroyAsync(stack, onEvent, run.Token));
        if (!result.Succeeded)
        {
            ResultView.Failure(console, "Destroy", stackName, result);
            return 1;
        }

        console.MarkupLine($"[green]Destroyed[/] stack [bold]{Markup.Escape(stackName)}[/].");
        var skipped = result.Events.Where(e => e.ResourceStatus == "DELETE_SKIPPED").Select(e => e.LogicalResourceId).ToHashSet(StringComparer.Ordinal);
        var retained = resources.Where(r => skipped.Contains(r.LogicalResourceId) || policies.ContainsKey(r.LogicalResourceId)).ToList();
        if (retained.Count > 0)
        {
            console.MarkupLine("[yellow]Kept by their deletion policy (they still exist; delete them yourself when no longer needed):[/]");
            foreach (var resource in retained)
            {
                console.MarkupLine($"  {Markup.Escape(resource.LogicalResourceId)} [grey]{Markup.Escape(resource.ResourceType)}[/] {Markup.Escape(resource.PhysicalResourceId ?? "")}");
            }
        }

        return 0;
    }

    private static Dictionary<string, string> RetainPolicies(System.Text.Json.Nodes.JsonObject? template)
    {
        var policies = new Dictionary<string, string>(StringComparer.Ordinal);
        if (template?["Resources"] is System.Text.Json.Nodes.JsonObject resources)
        {
            foreach (var (id, node) in resources)
            {
                if (node?["DeletionPolicy"]?.GetValue<string>() is { } policy && Retaining.Contains(policy))
                {
                    policies[id] = policy;
                }
            }
        }

        return policies;
    }
}
