using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console;
using Stelvio.LocalCloud.Lambda;

namespace Stelvio.Cli.Local;

/// <summary>
/// The live lines of <c>dev</c> and the account of <c>invoke</c>: one line per invocation (time, function, trigger,
/// records, duration, cold or warm, OK or the error), then the error's stack trace and the function's log lines,
/// indented; one line per denied call.
/// </summary>
internal static partial class InvocationLines
{
    /// <summary>Lambda's platform lines, which the invocation's own line already sums up.</summary>
    private static readonly string[] PlatformPrefixes = ["START RequestId:", "END RequestId:", "REPORT RequestId:", "INIT_START "];

    /// <summary>Writes an invocation: its line, the error's stack trace and the log lines.</summary>
    public static void Write(IAnsiConsole console, InvocationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        console.MarkupLine(Headline(result));
        if (result.Error is { } error)
        {
            // A frame may span lines (Python's holds the source line): each is indented under the invocation.
            foreach (var line in error.StackTrace.SelectMany(f => f.Split('\n')).Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0))
            {
                console.MarkupLine("      [red]" + Markup.Escape(line.Trim()) + "[/]");
            }
        }

        foreach (var log in LogLines(result))
        {
            console.MarkupLine("    [grey]│[/] " + Markup.Escape(log));
        }
    }

    /// <summary>The invocation's one line: <c>12:03:04.123  orders-process-orders  orders stream, 3 records  41 ms  cold  OK</c>.</summary>
    public static string Headline(InvocationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcome = result.Error is { } error
            ? "[red]ERROR[/] " + Markup.Escape($"{error.ErrorType}: {error.ErrorMessage}")
            : "[green]OK[/]";
        var start = result.ColdStart ? "cold" + (result.InitDuration is { } init ? $" (init {Milliseconds(init)})" : "") : "warm";
        return $"[grey]{Time(result.StartedAt)}[/]  [bold]{Markup.Escape(result.FunctionName)}[/]  {Markup.Escape(Trigger(result.Trigger))}  {Milliseconds(result.Duration)}  {start}  {outcome}";
    }

    /// <summary>A denied call: <c>12:03:04.123  DENIED  process-user  dynamodb:PutItem  arn:aws:dynamodb:…:table/…</c>.</summary>
    public static string Denied(DateTimeOffset at, string functionName, string action, string resource) =>
        $"[grey]{Time(at)}[/]  [red]DENIED[/]  [bold]{Markup.Escape(functionName)}[/]  {Markup.Escape(action)}  {Markup.Escape(resource)}";

    /// <summary>What caused an invocation, in words: <c>orders stream, 3 records</c>, <c>invoke</c>, <c>cli</c>.</summary>
    public static string Trigger(InvocationTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (trigger.Kind != "stream")
        {
            return trigger.Kind;
        }

        var table = trigger.Source is not null && StreamTable().Match(trigger.Source) is { Success: true } match ? match.Groups[1].Value + " stream" : "stream";
        return string.Create(CultureInfo.InvariantCulture, $"{table}, {trigger.RecordCount} record{(trigger.RecordCount == 1 ? "" : "s")}");
    }

    /// <summary>
    /// The function's own log lines, without Lambda's START/END/REPORT lines; Stelvio.Lambda's
    /// <c>{time}\t{request id}\t{level}\t{message}</c> lines shortened to <c>{level} {message}</c>.
    /// </summary>
    public static IEnumerable<string> LogLines(InvocationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var raw in result.Logs.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || PlatformPrefixes.Any(p => line.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }

            var parts = line.Split('\t', 4);
            yield return parts.Length == 4 && parts[1] == result.RequestId ? $"{parts[2]} {parts[3].Replace('\r', '\n')}" : line;
        }
    }

    public static string Milliseconds(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0} ms");

    private static string Time(DateTimeOffset at) => at.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    [GeneratedRegex(@":table/([^/]+)/stream/")]
    private static partial Regex StreamTable();
}
