using Spectre.Console;
using Stelvio.Deploy.Diff;

namespace Stelvio.Deploy.Display;

/// <summary>Shows the property-level difference between the deployed template and the new one.</summary>
internal static class TemplateDiffView
{
    private const int MaxValueLength = 160;

    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(IAnsiConsole console, TemplateDiff diff, bool stackExists)
    {
        console.MarkupLine(stackExists ? "Template changes (deployed → new):" : "Template changes (no stack yet: everything is new):");
        if (diff.IsEmpty)
        {
            console.MarkupLine("  [grey]none[/]");
            return;
        }

        foreach (var resource in diff.Resources)
        {
            var (symbol, colour) = resource.Kind switch
            {
                DiffKind.Added => ("+", "green"),
                DiffKind.Removed => ("-", "red"),
                _ => ("~", "yellow"),
            };
            console.MarkupLine($"  [{colour}]{symbol} {Markup.Escape(resource.LogicalId)}[/] [grey]{Markup.Escape(resource.Type)}[/]");
            foreach (var change in resource.Changes)
            {
                WriteChange(console, change, "      ");
            }
        }

        if (diff.Outputs.Count > 0)
        {
            console.MarkupLine("  [yellow]~ Outputs[/]");
            foreach (var change in diff.Outputs)
            {
                WriteChange(console, change, "      ");
            }
        }
    }

    private static void WriteChange(IAnsiConsole console, PropertyChange change, string indent)
    {
        var path = Markup.Escape(change.Path);
        if (change.Before is null)
        {
            console.MarkupLine($"{indent}[green]+ {path}[/]: {Value(change.After)}");
        }
        else if (change.After is null)
        {
            console.MarkupLine($"{indent}[red]- {path}[/]: {Value(change.Before)}");
        }
        else
        {
            console.MarkupLine($"{indent}[yellow]~ {path}[/]: [red]{Value(change.Before)}[/] → [green]{Value(change.After)}[/]");
        }
    }

    private static string Value(System.Text.Json.Nodes.JsonNode? node)
    {
        var text = node?.ToJsonString(Json) ?? "null";
        return Markup.Escape(text.Length <= MaxValueLength ? text : text[..MaxValueLength] + "…");
    }
}
