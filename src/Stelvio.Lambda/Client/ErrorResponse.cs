using System.Text.Json.Serialization;

namespace Stelvio.Lambda.Client;

/// <summary>The error body the Runtime API expects: <c>{"errorMessage", "errorType", "stackTrace"}</c>.</summary>
public sealed class ErrorResponse
{
    /// <summary>What went wrong.</summary>
    [JsonPropertyName("errorMessage")]
    public required string ErrorMessage { get; init; }

    /// <summary>The error's type: the exception's type name, or a <c>Runtime.*</c> code for init errors.</summary>
    [JsonPropertyName("errorType")]
    public required string ErrorType { get; init; }

    /// <summary>The stack trace, one frame a line.</summary>
    [JsonPropertyName("stackTrace")]
    public IReadOnlyList<string> StackTrace { get; init; } = [];

    /// <summary>The error for an exception: its type's full name, message (with inner exceptions) and stack frames.</summary>
    public static ErrorResponse From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            message += $" ---> {inner.GetType().FullName}: {inner.Message}";
        }

        return new ErrorResponse
        {
            ErrorMessage = message,
            ErrorType = exception.GetType().FullName ?? exception.GetType().Name,
            StackTrace = (exception.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }
}
