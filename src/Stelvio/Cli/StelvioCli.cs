using Spectre.Console;
using Spectre.Console.Cli;
using Stelvio.Cli.Commands;

namespace Stelvio.Cli;

/// <summary>
/// The command line every Stelvio app program gets: <c>synth</c>, <c>dev</c>, <c>invoke</c>, <c>deploy</c>, <c>diff</c>,
/// <c>outputs</c>, <c>destroy</c>, <c>bootstrap</c>. Exit codes: see <see cref="ExitCodes"/>.
/// </summary>
internal static class StelvioCli
{
    /// <summary>How users run an app's program, as help and messages show it.</summary>
    internal const string Invocation = "dotnet run --";

    /// <param name="args">The command line.</param>
    /// <param name="definition">The app.</param>
    /// <param name="console">Where output goes. Default: the terminal (unwrapped when redirected; plain with <c>NO_COLOR</c>).</param>
    /// <param name="deploy">What the deploy commands use from outside (asset builder, environment). Default: <see cref="Stelvio.Deploy.DeployServices.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the command as Ctrl+C does.</param>
    public static async Task<int> RunAsync(string[] args, AppDefinition definition, IAnsiConsole? console = null, Stelvio.Deploy.DeployServices? deploy = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(definition);
        var services = deploy ?? Stelvio.Deploy.DeployServices.Default;
        var output = console ?? CliConsole.Create(services.Environment);
        if (SynthFastPath.TryRun(args, definition, output, Unhandled) is { } synthExit)
        {
            return synthExit;
        }

        var commands = new Dictionary<string, Type>(StringComparer.Ordinal);
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(AppDefinition), definition);
        registrar.RegisterInstance(typeof(Stelvio.Deploy.DeployServices), services);
        registrar.RegisterInstance(typeof(IAnsiConsole), output);
        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName(Invocation);
            config.ConfigureConsole(output);
            config.UseStrictParsing();
            config.CancellationExitCode(ExitCodes.Interrupted);
            config.SetExceptionHandler((exception, _) => Unhandled(output, exception));

            Add<SynthCommand>(config, commands, "synth", "Synthesize the app to a CloudFormation template, without touching AWS.",
                ["synth", "--stage", "dev"], ["synth", "--stage", "dev", "--output", "out"]);
            Add<DevCommand>(config, commands, "dev", "Run the app on this machine (tables, functions, stream subscriptions, IAM) and show every invocation; rebuilds a function when its code changes. With -- COMMAND: run that command against it, then exit with its exit code (1 if it succeeded but a handler failed or a call was denied).",
                ["dev", "--stage", "dev"], ["dev", "--stage", "demo", "--data", ".stelvio/data"], ["dev", "--stage", "demo", "--", "dotnet", "run", "--project", "client"], ["dev", "--", "dotnet", "test"]);
            Add<InvokeCommand>(config, commands, "invoke", "Run one function on this machine once, with an event, and print its logs and result (exit code 1 if it failed).",
                ["invoke", "process-user"], ["invoke", "process-user", "--payload", "'{\"user_id\": \"u-1\"}'"], ["invoke", "orders-process-orders", "--file", "events/insert.json", "--stage", "demo"]);
            Add<DeployCommand>(config, commands, "deploy", "Deploy the app to AWS through a CloudFormation change set: shows the changes, asks, executes and streams the stack's events.",
                ["deploy", "--stage", "dev"], ["deploy", "--stage", "prod", "--profile", "prod", "--region", "eu-west-1", "--yes"]);
            Add<DiffCommand>(config, commands, "diff", "Show what a deploy would change (change set and template differences) without changing anything.",
                ["diff", "--stage", "dev"], ["diff", "--stage", "dev", "--exit-code"]);
            Add<OutputsCommand>(config, commands, "outputs", "Print the deployed stack's outputs: table names and ARNs, stream ARNs, function names.",
                ["outputs", "--stage", "dev"], ["outputs", "--stage", "dev", "--json"]);
            Add<DestroyCommand>(config, commands, "destroy", "Delete the stage's stack and its resources (except those retained by their deletion policy).",
                ["destroy", "--stage", "dev"]);
            Add<BootstrapCommand>(config, commands, "bootstrap", "Create or update the asset bucket of the account and region (stack stelvio-bootstrap). Deploy does it on first use.",
                ["bootstrap", "--region", "eu-west-1"]);
        });

        if (UsageCheck.Check(args, commands) is { } usage)
        {
            output.MarkupLine("[red]Error:[/] " + Markup.Escape(usage));
            output.MarkupLine($"See: {Invocation} {(args.Length > 0 && commands.ContainsKey(args[0]) ? args[0] + " " : "")}--help");
            return ExitCodes.Usage;
        }

        return await app.RunAsync(args, cancellationToken);
    }

    private static void Add<TCommand>(IConfigurator config, Dictionary<string, Type> commands, string name, string description, params string[][] examples)
        where TCommand : class, ICommand
    {
        commands[name] = SettingsTypeOf(typeof(TCommand));
        var command = config.AddCommand<TCommand>(name).WithDescription(description);
        foreach (var example in examples)
        {
            command.WithExample(example);
        }
    }

    private static Type SettingsTypeOf(Type command)
    {
        for (var type = command; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericArguments() is [var settings] && typeof(CommandSettings).IsAssignableFrom(settings))
            {
                return settings;
            }
        }

        return typeof(CommandSettings);
    }

    /// <summary>What no command caught: a command-line error (exit 2), or a failure shown in full (exit 1).</summary>
    private static int Unhandled(IAnsiConsole console, Exception exception)
    {
        switch (exception)
        {
            case CommandParseException or CommandRuntimeException:
                console.MarkupLine("[red]Error:[/] " + Markup.Escape(exception.Message));
                console.MarkupLine($"See: {Invocation} --help");
                return ExitCodes.Usage;
            case OperationCanceledException:
                return ExitCodes.Interrupted;
            default:
                console.MarkupLine("[red]Error:[/] " + Markup.Escape(exception.Message));
                console.WriteException(exception, ExceptionFormats.ShortenEverything);
                return ExitCodes.Failure;
        }
    }
}
