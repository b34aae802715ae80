namespace Stelvio.Deploy.Aws;

/// <summary>The keys a request is signed with, as the credential chain resolved them at one moment.</summary>
internal sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>Hides the secret and the token.</summary>
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId} }}";
}
