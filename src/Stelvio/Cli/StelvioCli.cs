using Spectre.Console;
using Spectre.Console.Cli;
using Stelvio.Cli.Commands;

namespace Stelvio.Cli;

/// <summary>The command line every Stelvio app program gets: <c>synth</c>, …</summary>
internal static class StelvioCli
{
    /// <param name="args">The command line.</param>
    /// <param name="definition">The app.</param>
    /// <param name="console">Where output goes. Default: the terminal.</param>
    /// <param name="deploy">What the deploy commands use from outside (asset builder, environment). Default: <see cref="Stelvio.Deploy.DeployServices.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the command as Ctrl+C does.</param>
    public static Task<int> RunAsync(string[] args, AppDefinition definition, IAnsiConsole? console = null, Stelvio.Deploy.DeployServices? deploy = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(AppDefinition), definition);
        registrar.RegisterInstance(typeof(Stelvio.Deploy.DeployServices), deploy ?? Stelvio.Deploy.DeployServices.Default);
        registrar.RegisterInstance(typeof(IAnsiConsole), console ?? AnsiConsole.Console);
        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName(definition.Name);
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }

            config.AddCommand<SynthCommand>("synth")
                .WithDescription("Synthesize the app to a CloudFormation template, without touching AWS.")
                .WithExample("synth", "--stage", "dev");

            config.AddCommand<DeployCommand>("deploy")
                .WithDescription("Deploy the app to AWS through a CloudFormation change set: shows the changes, asks, executes and streams the stack's events.")
                .WithExample("deploy", "--stage", "dev")
                .WithExample("deploy", "--stage", "prod", "--profile", "prod", "--region", "eu-west-1", "--yes");
            config.AddCommand<DiffCommand>("diff")
                .WithDescription("Show what a deploy would change (change set and template differences) without changing anything.")
                .WithExample("diff", "--stage", "dev");
            config.AddCommand<OutputsCommand>("outputs")
                .WithDescription("Print the deployed stack's outputs: table names and ARNs, stream ARNs, function names.")
                .WithExample("outputs", "--stage", "dev", "--json");
            config.AddCommand<DestroyCommand>("destroy")
                .WithDescription("Delete the stage's stack and its resources (except those retained by their deletion policy).")
                .WithExample("destroy", "--stage", "dev");
            config.AddCommand<BootstrapCommand>("bootstrap")
                .WithDescription("Create or update the asset bucket of the account and region (stack stelvio-bootstrap). Deploy does it on first use.")
                .WithExample("bootstrap", "--region", "eu-west-1");
        });
        return app.RunAsync(args, cancellationToken);
    }
}
