using System.Net;

namespace Stelvio.Deploy.Aws;

/// <summary>An error an AWS service returned: its code (<c>ValidationError</c>, <c>Throttling</c>, ...) and message.</summary>
internal sealed class AwsServiceException(string service, string action, HttpStatusCode status, string code, string message, string? requestId)
    : Exception($"{service} {action}: {code}: {message}")
{
    /// <summary>The service, as its signing name: <c>cloudformation</c>, <c>sts</c>.</summary>
    public string Service { get; } = service;

    /// <summary>The API action that failed.</summary>
    public string Action { get; } = action;

    public HttpStatusCode Status { get; } = status;

    /// <summary>The AWS error code.</summary>
    public string Code { get; } = code;

    /// <summary>The service's message, as sent.</summary>
    public string ServiceMessage { get; } = message;

    public string? RequestId { get; } = requestId;

    /// <summary>
    /// Whether an earlier attempt of the same call failed in a way that may have reached the service (no
    /// answer in time, a connection lost, a 5xx): this error may then be the answer to a repeat of a request
    /// that was already carried out (<c>TokenAlreadyExistsException</c>, <c>AlreadyExistsException</c>).
    /// </summary>
    public bool EarlierAttemptMayHaveSucceeded { get; internal set; }

    /// <summary>Whether the request was refused for its rate and is worth retrying later.</summary>
    public bool IsThrottling => AwsErrorCodes.Throttling.Contains(Code) || Status == HttpStatusCode.TooManyRequests;

    /// <summary>Whether the service failed on its side (5xx) and a retry may succeed.</summary>
    public bool IsTransient => (int)Status >= 500 || AwsErrorCodes.Transient.Contains(Code);
}
