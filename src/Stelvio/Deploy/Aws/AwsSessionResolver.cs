using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Stelvio.Deploy.Aws;

/// <summary>
/// Finds credentials and region the way every AWS tool does, through AWSSDK.Core:
/// <list type="number">
/// <item><c>--profile</c>, when given: that profile of <c>~/.aws/config</c> / <c>~/.aws/credentials</c> (keys, assume-role, SSO, process).</item>
/// <item>The environment: <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_SESSION_TOKEN</c>.</item>
/// <item>The profile named by <c>AWS_PROFILE</c>, else the <c>default</c> profile.</item>
/// <item>Web identity, container and instance metadata credentials (the SDK's default chain).</item>
/// </list>
/// Region: <c>--region</c>, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, the profile's <c>region</c>, then the SDK's fallback (instance metadata).
/// </summary>
internal static class AwsSessionResolver
{
    public static AwsSession Resolve(string? profileFlag, string? regionFlag, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var store = new CredentialProfileStoreChain();
        AWSCredentials credentials;
        CredentialProfile? profile = null;
        string source;

        var environmentKeys = !string.IsNullOrEmpty(environment("AWS_ACCESS_KEY_ID")) && !string.IsNullOrEmpty(environment("AWS_SECRET_ACCESS_KEY"));
        var profileName = profileFlag ?? (environmentKeys ? null : Blank(environment("AWS_PROFILE")) ?? Blank(environment("AWS_DEFAULT_PROFILE")));
        if (profileFlag is null && environmentKeys)
        {
            credentials = new BasicOrSessionCredentials(environment);
            source = "environment variables (AWS_ACCESS_KEY_ID)";
        }
        else if (profileName is not null || store.TryGetProfile("default", out _))
        {
            var name = profileName ?? "default";
            if (!store.TryGetProfile(name, out profile))
            {
                var known = store.ListProfiles().Select(p => p.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var from = profileFlag is not null ? "--profile" : "AWS_PROFILE";
                throw new DeployException(
                    $"AWS profile '{name}' (from {from}) is not in ~/.aws/config or ~/.aws/credentials. " +
                    (known.Count > 0 ? $"Known profiles: {string.Join(", ", known)}." : $"Create it with: aws configure --profile {name} (or aws configure sso)."));
            }

            try
            {
                credentials = AWSCredentialsFactory.GetAWSCredentials(profile, store, nonCallbackOnly: false);
            }
            catch (Exception exception) when (exception is AmazonClientException or InvalidOperationException or ArgumentException or InvalidDataException)
            {
                throw new DeployException($"AWS profile '{name}' cannot give credentials: {FirstLine(exception.Message)} Fix the profile in ~/.aws/config.", exception);
            }

            if (credentials is SSOAWSCredentials sso)
            {
                // Never start an interactive device sign-in from a deploy: 'aws sso login' does that.
                sso.Options.SupportsGettingNewToken = false;
            }

            source = $"profile '{name}'";
        }
        else
        {
            try
            {
                credentials = new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(null);
            }
            catch (AmazonClientException exception)
            {
                throw new DeployException(
                    "No AWS credentials found. Sign in with 'aws configure' or 'aws configure sso' and pass --profile NAME, " +
                    "or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys).",
                    exception);
            }

            source = "the default credential chain";
        }

        var region = Blank(regionFlag) ?? Blank(environment("AWS_REGION")) ?? Blank(environment("AWS_DEFAULT_REGION")) ?? profile?.Region?.SystemName ?? FallbackRegion();
        if (region is null)
        {
            throw new DeployException(
                "No AWS region set. Pass --region (for example --region eu-west-1), set AWS_REGION, or add 'region = eu-west-1' to your profile in ~/.aws/config.");
        }

        return new AwsSession(credentials, region, profile?.Name, source, new AwsEndpoints(region, environment));
    }

    /// <summary>The one-line message for a failure to obtain keys from the chain.</summary>
    internal static DeployException CredentialProblem(Exception exception, string? profile, string source)
    {
        var message = FirstLine(exception.Message);
        if (message.Contains("SSO", StringComparison.OrdinalIgnoreCase))
        {
            var login = profile is null ? "aws sso login" : $"aws sso login --profile {profile}";
            return new DeployException($"The SSO session for {source} has expired or was never started. Run: {login}", exception);
        }

        if (message.Contains("expired", StringComparison.OrdinalIgnoreCase))
        {
            return new DeployException($"The AWS credentials from {source} have expired. Sign in again or refresh them. ({message})", exception);
        }

        return new DeployException($"Could not get AWS credentials from {source}: {message}", exception);
    }

    private static string? FallbackRegion()
    {
        try
        {
            return FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }
        catch (Exception exception) when (exception is AmazonClientException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.EndsWith('.') ? line : line + ".";
    }

    /// <summary>Keys from the (injectable) environment, so that tests and tools see the same variables as the rest of the resolution.</summary>
    private sealed class BasicOrSessionCredentials(Func<string, string?> environment) : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() =>
            new(environment("AWS_ACCESS_KEY_ID"), environment("AWS_SECRET_ACCESS_KEY"), Blank(environment("AWS_SESSION_TOKEN")));
    }
}
