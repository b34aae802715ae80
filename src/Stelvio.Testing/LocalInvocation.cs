using System.Text;
using Stelvio.LocalCloud.Hosting;

namespace Stelvio.Testing;

/// <summary>One finished invocation of a function of a <see cref="LocalCloud"/>.</summary>
/// <param name="Function">The function's name.</param>
/// <param name="Trigger">What invoked it: <c>stream</c> (a subscription), <c>invoke</c> (Lambda's Invoke API, from another function or a client) or <c>test</c> (<see cref="LocalCloud.InvokeAsync"/>).</param>
/// <param name="RecordCount">For a stream batch, its records; else 0.</param>
/// <param name="Event">The event JSON it was given.</param>
/// <param name="Result">The JSON it answered (for a failure, Lambda's error JSON).</param>
/// <param name="Error">The failure (function error, timeout or crash), or null.</param>
/// <param name="Logs">What the function wrote during the invocation, Lambda's START/END/REPORT lines included.</param>
/// <param name="ColdStart">Whether a new process was started for it.</param>
/// <param name="Duration">From hand-over to answer.</param>
/// <param name="StartedAt">When it started.</param>
public sealed record LocalInvocation(
    string Function,
    string Trigger,
    int RecordCount,
    string Event,
    string Result,
    LocalInvocationError? Error,
    string Logs,
    bool ColdStart,
    TimeSpan Duration,
    DateTimeOffset StartedAt)
{
    internal static LocalInvocation From(HostedInvocation invocation)
    {
        var result = invocation.Result;
        return new LocalInvocation(
            result.FunctionName,
            result.Trigger.Kind,
            result.Trigger.RecordCount,
            Encoding.UTF8.GetString(invocation.Event),
            Encoding.UTF8.GetString(result.Payload),
            result.Error is { } error ? new LocalInvocationError(error.ErrorType, error.ErrorMessage, error.StackTrace) : null,
            result.Logs,
            result.ColdStart,
            result.Duration,
            result.StartedAt);
    }
}

/// <summary>Why an invocation failed, as Lambda reports it.</summary>
/// <param name="Type">The <c>errorType</c> (<c>System.InvalidOperationException</c>, <c>Sandbox.Timedout</c>, <c>Runtime.ExitError</c>, …).</param>
/// <param name="Message">The <c>errorMessage</c>.</param>
/// <param name="StackTrace">The <c>stackTrace</c> lines, if any.</param>
public sealed record LocalInvocationError(string Type, string Message, IReadOnlyList<string> StackTrace);
