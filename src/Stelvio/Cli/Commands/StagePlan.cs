using System.Text.Json.Nodes;
using Spectre.Console;
using Stelvio.Deploy;
using Stelvio.Deploy.CloudFormationApi;
using Stelvio.Deploy.Diff;
using Stelvio.Deploy.Display;

namespace Stelvio.Cli.Commands;

/// <summary>
/// What <c>deploy</c> and <c>diff</c> both do before they part ways: synthesize (printing the warnings), connect,
/// prepare the template (for a deploy: build and upload the function code), fetch the deployed template and
/// plan the change set; then show the changes the same way.
/// </summary>
internal sealed class StagePlan : IDisposable
{
    private StagePlan(SynthResult synth, DeployTarget target, AppDeployment deployment, JsonObject? deployed, ChangeSetPlan plan)
    {
        Synth = synth;
        Target = target;
        Deployment = deployment;
        Deployed = deployed;
        Plan = plan;
        Diff = TemplateDiff.Compare(deployed, deployment.Template);
    }

    public SynthResult Synth { get; }

    public DeployTarget Target { get; }

    public AppDeployment Deployment { get; }

    /// <summary>The deployed template; null when there is no stack.</summary>
    public JsonObject? Deployed { get; }

    public ChangeSetPlan Plan { get; }

    /// <summary>The property-level difference between the deployed template and the new one.</summary>
    public TemplateDiff Diff { get; }

    public string StackName => Synth.StackName;

    /// <summary>Runs the prologue. <paramref name="deploy"/>: write the generated files and upload the function code (a deploy), or create nothing but the change set (a diff).</summary>
    public static async Task<StagePlan> CreateAsync(AppDefinition definition, AwsStageSettings settings, DeployServices services, IAnsiConsole console, DeployRun run, bool deploy)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var synth = definition.Build(settings.ResolvedStage).Synth().EnsureWithinStackLimits();
        var synthesized = clock.Elapsed;
        SynthSummary.WriteWarnings(console, synth);
        if (deploy)
        {
            GeneratedFileWriter.Write(synth);
        }

        var target = await settings.ConnectAsync(services, run.Token);
        try
        {
            var stack = synth.StackName;
            console.MarkupLine(deploy
                ? $"Deploying [bold]{Markup.Escape(stack)}[/] to account [bold]{target.Identity.Account}[/] in [bold]{Markup.Escape(target.Session.Region)}[/] as {Markup.Escape(target.Identity.Arn)}"
                : $"Comparing [bold]{Markup.Escape(stack)}[/] in account [bold]{target.Identity.Account}[/], [bold]{Markup.Escape(target.Session.Region)}[/] with the app");
            console.MarkupLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Synthesized {synth.Template.Resources.Count} resources, hashed the code of {synth.Assets.Count} function assets [grey]{synthesized.TotalSeconds:0.0} s[/]"));
            var deployment = new AppDeployment(target, synth);
            var progress = new ConsoleProgress(console);
            if (deploy)
            {
                run.CancelMessage = "Cancelled before anything was deployed.";
            }

            var (template, _) = await deployment.PrepareAsync(progress, uploadAssets: deploy, run.Token);
            var deployed = await deployment.DeployedTemplateAsync(run.Token);
            run.CancelMessage = deploy
                ? $"Cancelled before executing; nothing was deployed. CloudFormation may keep the unexecuted change set of stack {stack}; the next deploy replaces it."
                : $"Cancelled. A change set of stack {stack} may be left unexecuted in CloudFormation; it changes nothing and the next deploy replaces it.";
            var plan = await deployment.PlanAsync(template, progress, run.Token);
            return new StagePlan(synth, target, deployment, deployed, plan);
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Shows the change set (resources to add, change and remove, with the changed properties and the widened
    /// permissions), then the property-level template difference.
    /// </summary>
    public void WriteChanges(IAnsiConsole console)
    {
        if (!Plan.IsEmpty)
        {
            ChangeSetView.Write(console, Plan, PermissionDiff.Added(Deployed, Deployment.Template), Diff);
        }

        if (!Plan.IsEmpty || !Diff.IsEmpty)
        {
            TemplateDiffView.Write(console, Diff, Plan.ExistingStack is not null && Plan.Type == ChangeSetType.Update);
        }
    }

    public void Dispose() => Target.Dispose();
}
