namespace Stelvio.LocalCloud.Iam;

/// <summary>
/// The temporary credentials a function runs with locally, as Lambda gives it its role's session: an access key ID in
/// AWS's format for session keys (<c>ASIA</c> and 16 upper-case letters and digits), a secret and a session token.
/// </summary>
internal sealed record FunctionCredentials(string AccessKeyId, string SecretAccessKey, string SessionToken)
{
    /// <summary>Hides the secret and the token.</summary>
    public override string ToString() => $"FunctionCredentials {{ AccessKeyId = {AccessKeyId} }}";
}
