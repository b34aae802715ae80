using Amazon.Runtime;

namespace Stelvio.Deploy.Aws;

/// <summary>
/// The AWS identity and place a command works with: credentials from the standard chain (resolved by
/// AWSSDK.Core), the region, and the endpoints. Created by <see cref="AwsSessionResolver"/>.
/// </summary>
internal sealed class AwsSession : ICredentialSource
{
    internal AwsSession(AWSCredentials credentials, string region, string? profile, string credentialSource, AwsEndpoints endpoints)
    {
        SdkCredentials = credentials;
        Region = region;
        Profile = profile;
        CredentialSource = credentialSource;
        Endpoints = endpoints;
    }

    /// <summary>The credentials as the AWS SDK holds them (refreshed by it when they are temporary).</summary>
    public AWSCredentials SdkCredentials { get; }

    /// <summary>The region, for example <c>eu-west-1</c>.</summary>
    public string Region { get; }

    /// <summary>The profile the credentials come from, if any.</summary>
    public string? Profile { get; }

    /// <summary>Where the credentials come from, in words: "profile 'dev'", "environment variables", ...</summary>
    public string CredentialSource { get; }

    public AwsEndpoints Endpoints { get; }

    /// <summary>The command that signs in again, for messages about expired sessions.</summary>
    public string SignInHint => Profile is null
        ? "Refresh the credentials (for temporary keys, set new AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN; for SSO, run 'aws sso login')."
        : $"Sign in again: aws sso login --profile {Profile} (or refresh the keys of profile '{Profile}').";

    public async ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken)
    {
        ImmutableCredentials keys;
        try
        {
            keys = await SdkCredentials.GetCredentialsAsync().WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is AmazonClientException or InvalidOperationException or ArgumentException)
        {
            throw AwsSessionResolver.CredentialProblem(exception, Profile, CredentialSource);
        }

        return new AwsCredentials(keys.AccessKey, keys.SecretKey, keys.UseToken ? keys.Token : null);
    }
}
