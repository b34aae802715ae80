namespace Stelvio.LocalCloud.Lambda.Sandboxes;

/// <summary>How an invocation ended in its sandbox.</summary>
internal enum OutcomeKind
{
    /// <summary>The runtime posted a response.</summary>
    Response,

    /// <summary>The runtime posted an invocation error.</summary>
    Error,

    /// <summary>The runtime posted an init error before taking the event.</summary>
    InitError,

    /// <summary>The runtime posted a response over the payload limit.</summary>
    ResponseTooLarge,

    /// <summary>The process exited before it answered.</summary>
    Exited,

    /// <summary>The function's timeout passed.</summary>
    TimedOut,

    /// <summary>The process could not be started.</summary>
    StartFailed,
}

/// <summary>An invocation's ending: the body posted (or the process's exit) and the error type header.</summary>
/// <param name="Kind">How it ended.</param>
/// <param name="Body">The response or error body the runtime posted.</param>
/// <param name="ErrorType">The <c>Lambda-Runtime-Function-Error-Type</c> header, if posted.</param>
/// <param name="ExitStatus">For <see cref="OutcomeKind.Exited"/>: Lambda's wording of the exit (<c>exit status 1</c>, <c>signal: killed</c>), or null for exit 0.</param>
/// <param name="Message">For <see cref="OutcomeKind.StartFailed"/>: why.</param>
internal sealed record RuntimeOutcome(OutcomeKind Kind, byte[] Body, string? ErrorType = null, string? ExitStatus = null, string? Message = null);
