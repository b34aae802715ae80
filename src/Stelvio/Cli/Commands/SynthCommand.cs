using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Stelvio.Cli.Commands;

/// <summary><c>synth</c>: writes the template and prints a summary of its resources.</summary>
internal sealed class SynthCommand(AppDefinition definition, IAnsiConsole console) : Command<SynthCommand.Settings>
{
    public sealed class Settings : StageSettings
    {
        [CommandOption("-o|--output <DIR>")]
        [Description("Where to write the template. Default: .stelvio/out")]
        [DefaultValue(".stelvio/out")]
        public string Output { get; init; } = ".stelvio/out";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        return CliErrors.Run(console, () =>
        {
            var app = definition.Build(settings.ResolvedStage);
            var result = app.Synth().EnsureWithinStackLimits();
            var path = Path.GetFullPath(Path.Combine(settings.Output, $"{result.StackName}.template.json"));
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
