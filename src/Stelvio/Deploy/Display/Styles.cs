using Spectre.Console;
using Stelvio.Deploy.CloudFormationApi;

namespace Stelvio.Deploy.Display;

/// <summary>Colours and shared formatting of the deploy commands' output. Spectre drops the colours when the output is redirected.</summary>
internal static class Styles
{
    /// <summary>Whether a live display (progress bar) can be drawn: an interactive terminal that understands ANSI.</summary>
    public static bool IsLive(IAnsiConsole console) =>
        console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;

    /// <summary>The colour of a stack or resource status.</summary>
    public static string StatusColour(string status) => status switch
    {
        _ when StackStatus.IsFailure(status) || (StackStatus.IsRolledBack(status) && !status.EndsWith("IN_PROGRESS", StringComparison.Ordinal)) => "red",
        _ when status.Contains("ROLLBACK", StringComparison.Ordinal) => "red",
        _ when status.EndsWith("_COMPLETE", StringComparison.Ordinal) => "green",
        "DELETE_SKIPPED" => "yellow",
        _ => "yellow",
    };

    /// <summary>A status in its colour.</summary>
    public static string Status(string status) => $"[{StatusColour(status)}]{Markup.Escape(status)}[/]";

    /// <summary>One event as a line: time, status, resource, type and reason.</summary>
    public static string EventLine(StackEvent e) =>
        $"[grey]{e.Timestamp.ToLocalTime():HH:mm:ss}[/]  {Status(e.ResourceStatus)}  [bold]{Markup.Escape(e.LogicalResourceId)}[/] [grey]{Markup.Escape(e.ResourceType)}[/]"
        + (string.IsNullOrEmpty(e.ResourceStatusReason) ? "" : "  " + Markup.Escape(e.ResourceStatusReason));
}
