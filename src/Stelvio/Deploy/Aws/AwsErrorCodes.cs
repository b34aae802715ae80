using System.Collections.Frozen;

namespace Stelvio.Deploy.Aws;

/// <summary>The AWS error codes the deploy commands treat specially. The sets are frozen: no caller can change how errors are classified.</summary>
internal static class AwsErrorCodes
{
    public const string ValidationError = "ValidationError";
    public const string AlreadyExists = "AlreadyExistsException";
    public const string InsufficientCapabilities = "InsufficientCapabilitiesException";
    public const string ChangeSetNotFound = "ChangeSetNotFound";
    public const string InvalidChangeSetStatus = "InvalidChangeSetStatus";
    public const string LimitExceeded = "LimitExceededException";
    public const string TokenAlreadyExists = "TokenAlreadyExistsException";

    /// <summary>Codes meaning "slow down": retried with backoff.</summary>
    public static readonly FrozenSet<string> Throttling = FrozenSet.Create(
        StringComparer.Ordinal,
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete");

    /// <summary>Codes meaning a passing failure on AWS's side: retried.</summary>
    public static readonly FrozenSet<string> Transient = FrozenSet.Create(
        StringComparer.Ordinal,
        "InternalFailure", "InternalError", "ServiceUnavailable", "RequestTimeout", "RequestTimeoutException");

    /// <summary>Codes meaning the session's keys have expired.</summary>
    public static readonly FrozenSet<string> Expired = FrozenSet.Create(
        StringComparer.Ordinal,
        "ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired");

    /// <summary>Codes meaning AWS does not accept the keys at all.</summary>
    public static readonly FrozenSet<string> BadCredentials = FrozenSet.Create(
        StringComparer.Ordinal,
        "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "IncompleteSignature",
        "InvalidAccessKeyId", "MissingAuthenticationToken", "AuthFailure", "InvalidSignatureException");

    /// <summary>Codes meaning the identity lacks a permission.</summary>
    public static readonly FrozenSet<string> AccessDenied = FrozenSet.Create(
        StringComparer.Ordinal,
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation");
}
