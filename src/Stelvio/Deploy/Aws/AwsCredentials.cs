// Compiled into Stelvio.LocalCloud too (linked, see its csproj), where the local cloud verifies function
// requests with the same signer; there it lives in that assembly's own namespace.
#if STELVIO_LOCALCLOUD
namespace Stelvio.LocalCloud.Iam.Signing;
#else
namespace Stelvio.Deploy.Aws;
#endif

/// <summary>The keys a request is signed with, as the credential chain resolved them at one moment.</summary>
internal sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>Hides the secret and the token.</summary>
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId} }}";
}
