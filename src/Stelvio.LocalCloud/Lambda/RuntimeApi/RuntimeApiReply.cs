using System.Text.Json.Serialization;

namespace Stelvio.LocalCloud.Lambda.RuntimeApi;

/// <summary>
/// The Runtime API's answer to a post: 202 <c>{"status":"OK"}</c>, or Lambda's error status and
/// <c>{"errorMessage","errorType"}</c> body for a call it refuses.
/// </summary>
internal sealed record RuntimeApiReply(int StatusCode, string? ErrorType, string? ErrorMessage)
{
    /// <summary>The largest response (and request) payload Lambda accepts: 6 MB.</summary>
    public const int MaxPayloadSize = 6 * 1024 * 1024;

    public static readonly RuntimeApiReply Accepted = new(202, null, null);

    /// <summary>400: the post names another invocation than the one the runtime holds.</summary>
    public static readonly RuntimeApiReply InvalidRequestId = new(400, "InvalidRequestID", "Invalid request ID");

    /// <summary>413: a response over the payload limit (the invocation fails with <c>Function.ResponseSizeTooLarge</c>).</summary>
    public static readonly RuntimeApiReply TooLarge = new(413, "RequestEntityTooLarge", $"Exceeded maximum allowed payload size ({MaxPayloadSize} bytes).");

    /// <summary>403: a call the runtime's state does not allow (a response before any event, a second response, a late init error).</summary>
    public static RuntimeApiReply InvalidStateTransition(string from, string to) =>
        new(403, "InvalidStateTransition", $"State transition from {from} to {to} failed for runtime. Error: State transition is not allowed");

    public Body ToBody() => ErrorType is null ? new Body(null, null, "OK") : new Body(ErrorMessage, ErrorType, null);

    /// <summary>The JSON body.</summary>
    internal sealed record Body(
        [property: JsonPropertyName("errorMessage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrorMessage,
        [property: JsonPropertyName("errorType"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrorType,
        [property: JsonPropertyName("status"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status);
}
