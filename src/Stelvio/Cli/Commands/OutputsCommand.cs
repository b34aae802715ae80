using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Stelvio.Deploy;
using Stelvio.Deploy.Aws;
using Stelvio.Deploy.Display;

namespace Stelvio.Cli.Commands;

/// <summary><c>outputs</c>: the deployed stack's outputs (table names and ARNs, stream ARNs, function names), as lines or JSON.</summary>
internal sealed class OutputsCommand(AppDefinition definition, IAnsiConsole console, DeployServices services) : AsyncCommand<OutputsCommand.Settings>
{
    public sealed class Settings : AwsStageSettings
    {
        [CommandOption("--json")]
        [Description("Print the outputs as one JSON object (name → value), for scripts.")]
        public bool Json { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return DeployRun.RunAsync(console, cancellationToken, async run =>
        {
            var stackName = definition.Build(settings.ResolvedStage).StackName;
            using var target = await settings.ConnectAsync(services, run.Token);
            Stelvio.Deploy.CloudFormationApi.Stack? stack;
            try
            {
                stack = await target.CloudFormation.DescribeStackAsync(stackName, run.Token);
            }
            catch (AwsServiceException exception)
            {
                throw AwsErrors.Describe(exception, target.Session, stackName);
            }

            if (stack is null)
            {
                throw new DeployException($"Stack '{stackName}' does not exist in account {target.Identity.Account}, {target.Session.Region}. Deploy it first: dotnet run -- deploy --stage {settings.ResolvedStage}");
            }

            IReadOnlyList<Stelvio.Deploy.CloudFormationApi.StackOutput> outputs;
            try
            {
                outputs = await StackOutputs.ReadAsync(target, stack, run.Token);
            }
            catch (AwsServiceException exception)
            {
                throw AwsErrors.Describe(exception, target.Session, stackName);
            }

            if (settings.Json)
            {
                var values = outputs.OrderBy(o => o.Key, StringComparer.Ordinal).ToDictionary(o => o.Key, o => o.Value);
                // Written raw: Spectre would wrap long lines at the console width and break the JSON.
                console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(values, OutputsJson.Options));
                return 0;
            }

            console.MarkupLine($"Stack [bold]{Markup.Escape(stackName)}[/] ({Styles.Status(stack.Status)}) in account {target.Identity.Account}, {Markup.Escape(target.Session.Region)}");
            ResultView.Outputs(console, outputs);
            return 0;
        });
    }

    private static class OutputsJson
    {
        public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    }
}
