using System.Globalization;
using Spectre.Console;
using Stelvio.LocalCloud.Template;

namespace Stelvio.Cli.Local;

/// <summary>What <c>dev</c> prints once the local cloud runs: its endpoint, the tables (physical names), functions and subscriptions, and what it does not run.</summary>
internal static class LocalAppView
{
    public static void Write(IAnsiConsole console, string stackName, Uri endpoint, LocalApp app, IReadOnlyList<string> notRunLocally)
    {
        ArgumentNullException.ThrowIfNull(app);
        console.MarkupLine($"Local cloud of [bold]{Markup.Escape(stackName)}[/] at [green]{Markup.Escape(endpoint.ToString())}[/] (region {Markup.Escape(app.Region)}, account {Markup.Escape(app.AccountId)})");
        if (app.Tables.Count > 0)
        {
            console.MarkupLine("[bold]Tables[/]");
            var width = app.Tables.Max(t => t.TableName.Length);
            foreach (var table in app.Tables)
            {
                var stream = table.StreamArn is null ? "" : "  [grey]stream[/]";
                console.MarkupLine($"  {Markup.Escape(table.TableName.PadRight(width))}  [grey]{Markup.Escape(table.LogicalId)}[/]{stream}");
            }
        }

        if (app.Functions.Count > 0)
        {
            console.MarkupLine("[bold]Functions[/]");
            var width = app.Functions.Max(f => f.Name.Length);
            foreach (var function in app.Functions)
            {
                console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {Markup.Escape(function.Name.PadRight(width))}  [grey]{Markup.Escape(function.Runtime)}  {Markup.Escape(function.Handler)}  timeout {function.Timeout.TotalSeconds:0.###} s[/]"));
            }
        }

        if (app.EventSourceMappings.Count > 0)
        {
            console.MarkupLine("[bold]Subscriptions[/]");
            foreach (var mapping in app.EventSourceMappings)
            {
                console.MarkupLine($"  {Markup.Escape(SourceName(app, mapping.EventSourceArn))} → [bold]{Markup.Escape(mapping.FunctionName)}[/]  [grey]{Markup.Escape(Describe(mapping))}[/]");
            }
        }

        if (notRunLocally.Count > 0)
        {
            console.MarkupLine("[yellow]Not run locally[/] (accepted, but the local cloud does not do it):");
            foreach (var item in notRunLocally)
            {
                console.MarkupLine("  [yellow]-[/] " + Markup.Escape(item));
            }
        }
    }

    /// <summary>The table whose stream a mapping reads, by its physical name.</summary>
    private static string SourceName(LocalApp app, string arn) =>
        app.Tables.FirstOrDefault(t => string.Equals(t.StreamArn, arn, StringComparison.Ordinal)) is { } table ? table.TableName + " stream" : arn;

    private static string Describe(LocalEventSourceMapping mapping)
    {
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"batch {mapping.BatchSize}"),
            mapping.StartingPosition,
        };
        if (mapping.FilterPatterns.Count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{mapping.FilterPatterns.Count} filter{(mapping.FilterPatterns.Count == 1 ? "" : "s")}"));
        }

        if (mapping.ReportBatchItemFailures)
        {
            parts.Add("partial batch failures");
        }

        if (mapping.BisectBatchOnFunctionError)
        {
            parts.Add("bisect on error");
        }

        if (mapping.MaximumRetryAttempts >= 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{mapping.MaximumRetryAttempts} retries"));
        }

        if (!mapping.Enabled)
        {
            parts.Add("disabled");
        }

        return string.Join(", ", parts);
    }
}
