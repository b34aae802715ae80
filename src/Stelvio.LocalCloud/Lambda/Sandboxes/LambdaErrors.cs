using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Lambda.Sandboxes;

/// <summary>What Lambda answers for an invocation's outcome: the payload and, for a failure, its error.</summary>
internal static class LambdaErrors
{
    public const string TimeoutType = "Sandbox.Timedout";
    public const string ExitType = "Runtime.ExitError";
    public const string ResponseTooLargeType = "Function.ResponseSizeTooLarge";

    public static (byte[] Payload, FunctionError? Error) Settle(RuntimeOutcome outcome, string requestId, TimeSpan timeout) => outcome.Kind switch
    {
        OutcomeKind.Response => (outcome.Body, null),
        OutcomeKind.Error or OutcomeKind.InitError => (outcome.Body, Read(outcome.Body, outcome.ErrorType)),
        OutcomeKind.ResponseTooLarge => Platform(ResponseTooLargeType, $"Response payload size ({outcome.Body.Length} bytes) exceeded maximum allowed payload size ({RuntimeApi.RuntimeApiReply.MaxPayloadSize} bytes)."),
        OutcomeKind.TimedOut => Platform(TimeoutType, $"RequestId: {requestId} Error: {TimedOutMessage(timeout)}"),
        OutcomeKind.Exited => Platform(ExitType, $"RequestId: {requestId} Error: {ExitMessage(outcome.ExitStatus)}"),
        OutcomeKind.StartFailed => Platform(ExitType, $"RequestId: {requestId} Error: {outcome.Message}"),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary><c>Task timed out after 3.00 seconds</c>: the function's timeout, as Lambda words it.</summary>
    public static string TimedOutMessage(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"Task timed out after {timeout.TotalSeconds:0.00} seconds");

    /// <summary><c>Runtime exited with error: exit status 1</c>, or <c>Runtime exited without providing a reason</c> for exit 0.</summary>
    public static string ExitMessage(string? exitStatus) =>
        exitStatus is null ? "Runtime exited without providing a reason" : "Runtime exited with error: " + exitStatus;

    /// <summary>Lambda's wording of a process's end (Go's): <c>exit status N</c> or <c>signal: killed</c>; null for exit 0.</summary>
    public static string? ExitStatus(int exitCode) => exitCode switch
    {
        0 => null,
        128 + 9 => "signal: killed",
        128 + 15 => "signal: terminated",
        128 + 6 => "signal: aborted",
        128 + 11 => "signal: segmentation fault",
        _ => string.Create(CultureInfo.InvariantCulture, $"exit status {exitCode}"),
    };

    private static (byte[], FunctionError) Platform(string type, string message)
    {
        var body = new JsonObject { ["errorMessage"] = message, ["errorType"] = type };
        return (Encoding.UTF8.GetBytes(body.ToJsonString(LambdaJson.Options)), new FunctionError(type, message, []));
    }

    /// <summary>The error a runtime posted: <c>errorType</c> (else the header), <c>errorMessage</c>, <c>stackTrace</c>.</summary>
    private static FunctionError Read(byte[] body, string? headerType)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject error)
            {
                var type = (error["errorType"] as JsonValue)?.GetValue<string>();
                var message = (error["errorMessage"] as JsonValue)?.GetValue<string>() ?? "";
                var trace = error["stackTrace"] is JsonArray frames
                    ? frames.Select(f => f is JsonValue v && v.TryGetValue<string>(out var s) ? s : f?.ToJsonString() ?? "").ToList()
                    : [];
                return new FunctionError(string.IsNullOrEmpty(type) ? headerType ?? "Unhandled" : type, message, trace);
            }
        }
        catch (JsonException)
        {
            // Not JSON: the body is the message.
        }
        catch (InvalidOperationException)
        {
            // A field of another JSON type.
        }

        return new FunctionError(headerType ?? "Unhandled", Encoding.UTF8.GetString(body), []);
    }
}
