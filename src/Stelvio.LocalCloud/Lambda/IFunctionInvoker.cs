namespace Stelvio.LocalCloud.Lambda;

/// <summary>Invokes a local function synchronously (Lambda's <c>RequestResponse</c>), as event source mappings, the Invoke API and <c>invoke</c> do.</summary>
internal interface IFunctionInvoker
{
    /// <summary>
    /// Runs one invocation on a warm process of the function, or a new one (cold start), and returns what it answered.
    /// A function error, a timeout or a crash is a result with <see cref="InvocationResult.Error"/>, not an exception;
    /// an unknown function throws <see cref="KeyNotFoundException"/>.
    /// </summary>
    Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken);
}

/// <summary>What to invoke, with what, and why.</summary>
/// <param name="FunctionName">The function's name (not its ARN).</param>
/// <param name="Payload">The event JSON.</param>
/// <param name="Trigger">What caused it, for the live display and the invocation history.</param>
internal sealed record InvocationRequest(string FunctionName, ReadOnlyMemory<byte> Payload, InvocationTrigger Trigger);

/// <summary>What caused an invocation.</summary>
/// <param name="Kind"><c>stream</c> (an event source mapping), <c>invoke</c> (the Lambda Invoke API) or <c>cli</c>.</param>
/// <param name="Source">The mapping's UUID and stream ARN, the caller, or null.</param>
/// <param name="RecordCount">Records in the batch (stream), else 0.</param>
internal sealed record InvocationTrigger(string Kind, string? Source, int RecordCount);

/// <summary>The outcome of one invocation.</summary>
/// <param name="RequestId">Lambda's request ID.</param>
/// <param name="FunctionName">The function.</param>
/// <param name="Trigger">What caused it.</param>
/// <param name="Payload">The response JSON (for an error: Lambda's error JSON, <c>errorMessage</c>/<c>errorType</c>/<c>stackTrace</c>).</param>
/// <param name="Error">Set when the function failed, timed out or crashed.</param>
/// <param name="Logs">What the process wrote to stdout/stderr during the invocation, START/END/REPORT lines included.</param>
/// <param name="StartedAt">When the invocation started.</param>
/// <param name="Duration">From hand-over to response.</param>
/// <param name="ColdStart">Whether a new process was started for it.</param>
/// <param name="InitDuration">A cold start's process start-up time until it asked for its first event.</param>
internal sealed record InvocationResult(
    string RequestId,
    string FunctionName,
    InvocationTrigger Trigger,
    byte[] Payload,
    FunctionError? Error,
    string Logs,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    bool ColdStart,
    TimeSpan? InitDuration);

/// <summary>A failed invocation, as Lambda reports it.</summary>
/// <param name="ErrorType">The <c>errorType</c> (<c>System.InvalidOperationException</c>, <c>Sandbox.Timedout</c>, <c>Runtime.ExitError</c>, …).</param>
/// <param name="ErrorMessage">The <c>errorMessage</c> (<c>Task timed out after 3.00 seconds</c>, …).</param>
/// <param name="StackTrace">The <c>stackTrace</c> lines, if any.</param>
internal sealed record FunctionError(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace);
