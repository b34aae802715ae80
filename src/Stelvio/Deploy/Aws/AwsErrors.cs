using Amazon.Runtime;

namespace Stelvio.Deploy.Aws;

/// <summary>Turns AWS's error codes into one line that says what happened and what to do.</summary>
internal static class AwsErrors
{
    /// <summary>The message for an error of a CloudFormation or STS call made for <paramref name="stackName"/>.</summary>
    public static DeployException Describe(AwsServiceException exception, AwsSession? session, string? stackName = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var stack = stackName is null ? "" : $" for stack '{stackName}'";
        var code = exception.Code;
        var message = exception.ServiceMessage.Trim();

        // AWS's messages often end without a full stop; one goes in before the hint that follows.
        var sentence = message.Length == 0 || message.EndsWith('.') ? message : message + ".";
        var text = code switch
        {
            _ when AwsErrorCodes.Expired.Contains(code) =>
                $"The AWS session has expired ({code}). {session?.SignInHint ?? "Sign in again or refresh the credentials."}",
            _ when AwsErrorCodes.BadCredentials.Contains(code) =>
                $"AWS does not accept the credentials from {session?.CredentialSource ?? "the credential chain"} ({code}: {message}). Check the access key and secret, or pick another --profile.",
            _ when AwsErrorCodes.AccessDenied.Contains(code) =>
                $"Access denied to {exception.Service}:{exception.Action}{stack}: {sentence} Use an identity allowed to deploy (for example with --profile).",
            _ when exception.IsThrottling =>
                $"AWS kept throttling {exception.Service}:{exception.Action}{stack} ({code}) after several retries. Wait a minute and run the command again.",
            AwsErrorCodes.InsufficientCapabilities =>
                $"CloudFormation refused the template{stack}: {sentence} Stelvio acknowledges CAPABILITY_IAM and CAPABILITY_NAMED_IAM; a template needing more (macros, CAPABILITY_AUTO_EXPAND) is not supported.",
            AwsErrorCodes.AlreadyExists =>
                $"CloudFormation {exception.Action}{stack}: {sentence} Another deploy may have created it meanwhile; run the command again.",
            AwsErrorCodes.ChangeSetNotFound =>
                $"The change set{stack} no longer exists ({message}). Another deploy may have executed or deleted it; run the command again.",
            AwsErrorCodes.InvalidChangeSetStatus =>
                $"The change set{stack} cannot be executed in its current state: {sentence} Run the command again to create a fresh one.",
            AwsErrorCodes.TokenAlreadyExists =>
                $"CloudFormation {exception.Action}{stack} was refused because a request with the same client request token was already received ({message}). Another Stelvio run may be working on the stack; check its status, then run the command again.",
            AwsErrorCodes.LimitExceeded =>
                $"A CloudFormation quota was reached{stack}: {sentence} Delete unused stacks or ask AWS for a higher quota.",
            AwsErrorCodes.ValidationError =>
                $"CloudFormation rejected {exception.Action}{stack}: {message}",
            _ when (int)exception.Status >= 500 =>
                $"{exception.Service}:{exception.Action}{stack} failed on the service's side ({code}): {sentence} Try again in a moment.",
            _ => $"{exception.Service}:{exception.Action}{stack} failed ({code}): {message}",
        };
        return new DeployException(text, exception);
    }

    /// <summary>The message for an S3 error on the asset bucket.</summary>
    public static DeployException ForS3(AmazonServiceException exception, string action, string bucket, string key, AwsSession session)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(session);
        var code = exception.ErrorCode ?? ((int)exception.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = code switch
        {
            _ when AwsErrorCodes.Expired.Contains(code) => $"The AWS session has expired ({code}). {session.SignInHint}",
            _ when AwsErrorCodes.BadCredentials.Contains(code) => $"AWS does not accept the credentials from {session.CredentialSource} ({code}). Check them, or pick another --profile.",
            "NoSuchBucket" => $"The asset bucket '{bucket}' does not exist. Run 'bootstrap' to create it (the stelvio-bootstrap stack).",
            _ when AwsErrorCodes.AccessDenied.Contains(code) => $"Access denied to s3:{action} on s3://{bucket}/{key}: {exception.Message}",
            _ => $"s3:{action} on s3://{bucket}/{key} failed ({code}): {exception.Message}",
        };
        return new DeployException(text, exception);
    }
}
