using Spectre.Console;

namespace Stelvio.Cli;

/// <summary>The readable account of a synth: warnings, where the template went, and its resources.</summary>
internal static class SynthSummary
{
    public static void Write(IAnsiConsole console, SynthResult result, string path)
    {
        foreach (var warning in result.Warnings)
        {
            console.MarkupLine("[yellow]Warning:[/] " + Markup.Escape(warning.ToString()));
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Logical ID")
            .AddColumn("Type")
            .AddColumn("Component");
        foreach (var resource in result.Template.Resources)
        {
            table.AddRow(Markup.Escape(resource.LogicalId), Markup.Escape(resource.Type), Markup.Escape(resource.Component ?? ""));
        }

        console.Write(table);
        console.MarkupLine(
            $"Stack [bold]{Markup.Escape(result.StackName)}[/]: {result.Template.Resources.Count} resources, " +
            $"{result.Template.Outputs.Count} outputs, {result.TemplateBytes.Length:N0} bytes.");
        console.MarkupLine("Template written to [green]" + Markup.Escape(path) + "[/]");
    }
}
