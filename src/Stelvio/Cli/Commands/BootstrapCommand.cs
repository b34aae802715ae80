using Spectre.Console;
using Spectre.Console.Cli;
using Stelvio.Deploy;
using Stelvio.Deploy.AssetBucketStack;
using Stelvio.Deploy.Aws;
using Stelvio.Deploy.Display;

namespace Stelvio.Cli.Commands;

/// <summary>
/// <c>bootstrap</c>: creates or updates the <c>stelvio-bootstrap</c> stack, which holds the asset bucket of
/// the account and region. <c>deploy</c> does this by itself on first use; this command does it ahead of time.
/// </summary>
internal sealed class BootstrapCommand(IAnsiConsole console, DeployServices services) : AsyncCommand<AwsSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, AwsSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return DeployRun.RunAsync(console, cancellationToken, async run =>
        {
            using var target = await settings.ConnectAsync(services, run.Token);
            console.MarkupLine($"Bootstrapping account [bold]{target.Identity.Account}[/] in [bold]{Markup.Escape(target.Session.Region)}[/] as {Markup.Escape(target.Identity.Arn)}");
            run.CancelMessage =
                $"Stopped watching. CloudFormation carries on with stack {BootstrapTemplate.StackName} on its own. " +
                $"Follow it with: aws cloudformation describe-stack-events --stack-name {BootstrapTemplate.StackName} --region {target.Session.Region}";
            BootstrapResult result;
            try
            {
                result = await new Bootstrapper(target).EnsureAsync(force: true, m => console.MarkupLine(Markup.Escape(m)), e => console.MarkupLine(Styles.EventLine(e)), run.Token);
            }
            catch (AwsServiceException exception)
            {
                throw AwsErrors.Describe(exception, target.Session, BootstrapTemplate.StackName);
            }

            console.MarkupLine(result switch
            {
                { Status: Bootstrapper.BucketWithoutStack } => $"[yellow]Using:[/] asset bucket [bold]{Markup.Escape(result.Bucket)}[/] as it is, without stack {BootstrapTemplate.StackName}.",
                { Changed: true } => $"[green]Bootstrapped:[/] asset bucket [bold]{Markup.Escape(result.Bucket)}[/] (stack {BootstrapTemplate.StackName}, {Styles.Status(result.Status)}).",
                _ => $"[green]Up to date:[/] asset bucket [bold]{Markup.Escape(result.Bucket)}[/] (stack {BootstrapTemplate.StackName}, {Styles.Status(result.Status)}).",
            });
            return 0;
        });
    }
}
