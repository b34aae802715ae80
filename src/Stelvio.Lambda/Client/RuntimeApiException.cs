namespace Stelvio.Lambda.Client;

/// <summary>The Runtime API answered a call with an error status.</summary>
internal sealed class RuntimeApiException : Exception
{
    /// <summary>An error without an HTTP status (a malformed answer).</summary>
    public RuntimeApiException(string message)
        : base(message)
    {
    }

    /// <summary>An error status answered to a call.</summary>
    public RuntimeApiException(string message, int statusCode)
        : base(message) => StatusCode = statusCode;

    /// <summary>The HTTP status, or null when the answer was malformed.</summary>
    public int? StatusCode { get; }

    /// <summary>
    /// Whether the Runtime API refused only this request (400, 413: a response larger than Lambda accepts) and the
    /// runtime can go on to the next invocation; a 500 means the runtime must exit.
    /// </summary>
    public bool IsRequestRefused => StatusCode is >= 400 and < 500;
}
