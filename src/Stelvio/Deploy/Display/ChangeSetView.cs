using System.Globalization;
using Spectre.Console;
using Stelvio.Deploy.CloudFormationApi;
using Stelvio.Deploy.Diff;

namespace Stelvio.Deploy.Display;

/// <summary>
/// Shows a change set: one line per resource (<c>+</c> add, <c>~</c> modify, <c>-</c> remove), the changed
/// properties, replacement flags, and which changes widen permissions. A change set that lists a modified
/// resource without its properties (as emulators such as moto do) gets them from the template difference.
/// </summary>
internal static class ChangeSetView
{
    public static void Write(IAnsiConsole console, ChangeSetPlan plan, IReadOnlyList<PermissionGrant> widened, TemplateDiff? diff = null)
    {
        var fromTemplate = (diff?.Resources ?? []).ToDictionary(
            r => r.LogicalId,
            r => r.Changes.Select(c => TopProperty(c.Path)).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
        var changeSet = plan.ChangeSet!;
        var verb = plan.Type == ChangeSetType.Create ? "create" : "update";
        console.MarkupLine($"Change set [bold]{Markup.Escape(changeSet.ChangeSetName)}[/] would {verb} stack [bold]{Markup.Escape(plan.StackName)}[/]:");
        var widening = widened.Where(g => g.Widens).Select(g => g.Resource).ToHashSet(StringComparer.Ordinal);
        var width = changeSet.Changes.Select(c => c.LogicalResourceId.Length).DefaultIfEmpty(0).Max();
        var typeWidth = changeSet.Changes.Select(c => c.ResourceType.Length).DefaultIfEmpty(0).Max();
        foreach (var change in changeSet.Changes)
        {
            var (symbol, colour) = change.Action switch
            {
                "Add" => ("+", "green"),
                "Remove" => ("-", "red"),
                "Import" => ("<", "blue"),
                _ => ("~", "yellow"),
            };
            var notes = new List<string>();
            switch (change.Replacement)
            {
                case "True":
                    notes.Add("[red]replaced[/]");
                    break;
                case "Conditional":
                    notes.Add("[yellow]may be replaced[/]");
                    break;
            }

            var properties = change.Details
                .Where(d => d.Name is not null || d.Attribute is not null)
                .Select(d => Markup.Escape(d.Name ?? d.Attribute!) + d.RequiresRecreation switch
                {
                    "Always" => " [red](replaces)[/]",
                    "Conditionally" => " [yellow](may replace)[/]",
                    _ => "",
                })
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (properties.Count == 0 && change.Action == "Modify" && fromTemplate.TryGetValue(change.LogicalResourceId, out var changed))
            {
                properties = changed.ConvertAll(Markup.Escape);
            }

            if (properties.Count > 0)
            {
                notes.Add(string.Join(", ", properties));
            }

            if (widening.Contains(change.LogicalResourceId))
            {
                notes.Add("[yellow bold]widens permissions[/]");
            }

            console.MarkupLine(
                $"  [{colour}]{symbol} {Markup.Escape(change.LogicalResourceId.PadRight(width))}[/]  [grey]{Markup.Escape(change.ResourceType.PadRight(typeWidth))}[/]"
                + (notes.Count > 0 ? "  " + string.Join("  ", notes) : ""));
        }

        var adds = changeSet.Changes.Count(c => c.Action == "Add");
        var modifies = changeSet.Changes.Count(c => c.Action is "Modify" or "Dynamic");
        var replaced = changeSet.Changes.Count(c => c.Replacement == "True");
        var removes = changeSet.Changes.Count(c => c.Action == "Remove");
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{adds} to add, {modifies} to change{(replaced > 0 ? $" ({replaced} replaced)" : "")}, {removes} to remove."));

        var grants = widened.Where(g => g.Widens).ToList();
        if (grants.Count > 0)
        {
            console.MarkupLine("[yellow bold]This deploy widens permissions:[/]");
            foreach (var grant in grants)
            {
                console.MarkupLine("  [yellow]+[/] " + Markup.Escape(grant.ToString()));
            }
        }
    }

    /// <summary>The property a template path is under: <c>Properties.MemorySize</c> → <c>MemorySize</c>, <c>Properties.Environment.Variables.X</c> → <c>Environment</c>.</summary>
    private static string TopProperty(string path)
    {
        const string prefix = "Properties.";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return path.Split('.', '[')[0];
        }

        var rest = path[prefix.Length..];
        var end = rest.IndexOfAny(['.', '[']);
        return end < 0 ? rest : rest[..end];
    }
}
