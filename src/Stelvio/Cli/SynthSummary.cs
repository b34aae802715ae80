using System.Globalization;
using Spectre.Console;

namespace Stelvio.Cli;

/// <summary>
/// The readable account of a synth: warnings, the resources by component (one line each: type, then logical ID,
/// so that a line fits an 80-column terminal and IDs are never split), totals, and where the template went.
/// </summary>
internal static class SynthSummary
{
    /// <summary>Prints synth's warnings, one line each; every command that synthesizes shows them.</summary>
    public static void WriteWarnings(IAnsiConsole console, SynthResult result)
    {
        foreach (var warning in result.Warnings)
        {
            console.MarkupLine("[yellow]Warning:[/] " + Markup.Escape(warning.ToString()));
        }
    }

    public static void Write(IAnsiConsole console, SynthResult result, string path)
    {
        WriteWarnings(console, result);

        var resources = result.Template.Resources;
        var typeWidth = resources.Count == 0 ? 0 : resources.Max(r => r.Type.Length);
        foreach (var group in resources.GroupBy(r => r.Component ?? "Stack"))
        {
            console.MarkupLine("[bold]" + Markup.Escape(group.Key) + "[/]");
            foreach (var resource in group)
            {
                console.MarkupLine("  [dim]" + Markup.Escape(resource.Type.PadRight(typeWidth)) + "[/]  " + Markup.Escape(resource.LogicalId));
            }
        }

        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Stack [bold]{Markup.Escape(result.StackName)}[/]: {resources.Count} resources, {result.Template.Outputs.Count} outputs, {result.TemplateBytes.Length:N0} bytes."));
        console.MarkupLine("Template written to [green]" + Markup.Escape(path) + "[/]");
    }
}
