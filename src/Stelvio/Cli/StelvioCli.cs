using Spectre.Console;
using Spectre.Console.Cli;
using Stelvio.Cli.Commands;

namespace Stelvio.Cli;

/// <summary>The command line every Stelvio app program gets: <c>synth</c>, …</summary>
public static class StelvioCli
{
    public static Task<int> RunAsync(string[] args, AppDefinition definition, IAnsiConsole? console = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(AppDefinition), definition);
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
        });
        return app.RunAsync(args);
    }
}
