namespace Stelvio.LocalCloud.Iam.Signing;

/// <summary>
/// A SigV4 <c>Authorization</c> header, <c>AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request,
/// SignedHeaders=host;x-amz-date, Signature=…</c>, split into its parts. A part that is absent is null.
/// </summary>
internal sealed record AuthorizationHeader(string Raw, string? AccessKeyId, string[]? Scope, string? SignedHeaders, string? Signature)
{
    /// <summary>Reads a SigV4 header; null when <paramref name="value"/> is not one (another scheme, or none).</summary>
    public static AuthorizationHeader? Parse(string value)
    {
        var prefix = SigV4.Algorithm + " ";
        if (!value.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in value[prefix.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }
            var text = part[(equals + 1)..];
            switch (part[..equals])
            {
                case "Credential":
                    credential = text;
                    break;
                case "SignedHeaders":
                    signedHeaders = text;
                    break;
                case "Signature":
                    signature = text;
                    break;
            }
        }
        var slash = credential?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return new AuthorizationHeader(
            value,
            slash > 0 ? credential![..slash] : credential,
            slash > 0 ? credential![(slash + 1)..].Split('/') : null,
            signedHeaders,
            signature);
    }
}
