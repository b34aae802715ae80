using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Stelvio.Cli.Commands;

/// <summary><c>synth</c>: writes the template and prints a summary of its resources.</summary>
internal sealed class SynthCommand(AppDefinition definition, IAnsiConsole console) : Command<SynthCommand.Settings>
{
    public sealed class Settings : StageSettings
    {
        internal const string DefaultOutput = ".stelvio/out";

        [CommandOption("-o|--output <DIR>")]
        [Description("Where to write the template. Default: " + DefaultOutput)]
        [DefaultValue(DefaultOutput)]
        public string Output { get; init; } = DefaultOutput;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Run(definition, console, settings.ResolvedStage, settings.Output);

    /// <summary>Synthesizes the stage, writes the template into <paramref name="output"/> and the generated files beside the handlers, and prints the summary.</summary>
    internal static int Run(AppDefinition definition, IAnsiConsole console, string stage, string output)
    {
        return CliErrors.Run(console, () =>
        {
            var app = definition.Build(stage);
            var result = app.Synth().EnsureWithinStackLimits();
            var path = Path.GetFullPath(Path.Combine(output, $"{result.StackName}.template.json"));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, result.TemplateBytes);
            var generated = GeneratedFileWriter.Write(result);
            SynthSummary.Write(console, result, path);
            foreach (var file in generated.Written)
            {
                console.MarkupLine("Generated [green]" + Markup.Escape(file) + "[/]");
            }

            foreach (var file in generated.Deleted)
            {
                console.MarkupLine("Deleted [yellow]" + Markup.Escape(file) + "[/] (no longer generated)");
            }

            return 0;
        });
    }
}
