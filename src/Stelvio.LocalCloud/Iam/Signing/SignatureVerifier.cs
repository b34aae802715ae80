using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Stelvio.LocalCloud.Iam.Signing;

/// <summary>
/// Verifies the SigV4 signature of a request signed with a function's access key, as AWS does: the header's parts,
/// <c>x-amz-date</c> within 15 minutes of now, the credential scope (date, the local region, the service,
/// <c>aws4_request</c>), <c>host</c> among the signed headers, the session token, then the signature recomputed from
/// the request as received (method, path, query, signed headers, payload hash) with the project's signer and compared
/// in constant time.
/// </summary>
internal static class SignatureVerifier
{
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    private const string Mismatch =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    /// <param name="enforcer">Knows the function keys, the region and the time.</param>
    /// <param name="service">The signing name the endpoint expects (<c>dynamodb</c>, <c>lambda</c>).</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="rawTarget">The path and query exactly as sent.</param>
    /// <param name="headers">The request headers (names case-insensitive).</param>
    /// <param name="payload">The body.</param>
    public static SignatureOutcome Verify(IamEnforcer enforcer, string service, string method, string rawTarget, Func<string, StringValues> headers, ReadOnlySpan<byte> payload)
    {
        var authorization = headers("Authorization").ToString();
        var header = AuthorizationHeader.Parse(authorization);
        if (header?.AccessKeyId is not { } accessKeyId || enforcer.Identify(accessKeyId) is not { } function)
        {
            return SignatureOutcome.NotAFunction;
        }
        if (Check(enforcer, service, header, headers) is { } error)
        {
            return new SignatureOutcome(null, error);
        }
        if (!FixedTimeEquals(headers("X-Amz-Security-Token").ToString(), function.Credentials.SessionToken))
        {
            return new SignatureOutcome(null, new AuthError("UnrecognizedClientException", "The security token included in the request is invalid."));
        }
        var signedAt = DateTimeOffset.ParseExact(headers("X-Amz-Date").ToString(), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var signedHeaders = new List<KeyValuePair<string, string>>();
        foreach (var name in header.SignedHeaders!.Split(';'))
        {
            signedHeaders.Add(new(name, string.Join(',', headers(name).Select(v => v ?? ""))));
        }
        // The SDKs encode the (already encoded) path once more for every service but S3; the signer decodes each
        // segment once before encoding it, so it is given the path with its escapes escaped.
        var uri = new Uri("http://local" + rawTarget.Replace("%", "%25", StringComparison.Ordinal));
        var expected = SigV4.Sign(method, uri, signedHeaders, payload, new AwsCredentials(accessKeyId, function.Credentials.SecretAccessKey), header.Scope![1], service, signedAt);
        if (!FixedTimeEquals(header.Signature!, expected.Signature))
        {
            return new SignatureOutcome(null, new AuthError(
                "InvalidSignatureException",
                $"{Mismatch}\n\nThe Canonical String for this request should have been\n'{expected.CanonicalRequest}'\n\nThe String-to-Sign should have been\n'{expected.StringToSign}'\n"));
        }
        return new SignatureOutcome(function, null);
    }

    private static AuthError? Check(IamEnforcer enforcer, string service, AuthorizationHeader header, Func<string, StringValues> headers)
    {
        var missing = new StringBuilder();
        if (header.Scope is null)
        {
            missing.Append("Authorization header requires 'Credential' parameter. ");
        }
        if (header.Signature is null)
        {
            missing.Append("Authorization header requires 'Signature' parameter. ");
        }
        if (header.SignedHeaders is null)
        {
            missing.Append("Authorization header requires 'SignedHeaders' parameter. ");
        }
        var amzDate = headers("X-Amz-Date").ToString();
        if (amzDate.Length == 0)
        {
            missing.Append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (missing.Length > 0)
        {
            return new AuthError("IncompleteSignatureException", $"{missing}Authorization={header.Raw}");
        }
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return new AuthError("IncompleteSignatureException", $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
        var scope = header.Scope!;
        if (scope.Length != 4)
        {
            return new AuthError("IncompleteSignatureException", $"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{header.AccessKeyId}/{string.Join('/', scope)}'");
        }
        if (scope[0] != amzDate[..8])
        {
            return new AuthError("InvalidSignatureException", $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{scope[0]}' != '{amzDate[..8]}', from '{amzDate}'.");
        }
        if (scope[1] != enforcer.App.Region)
        {
            return new AuthError("InvalidSignatureException", $"Credential should be scoped to a valid region, not '{scope[1]}'. ");
        }
        if (scope[2] != service)
        {
            return new AuthError("InvalidSignatureException", $"Credential should be scoped to correct service: '{service}'. ");
        }
        if (scope[3] != "aws4_request")
        {
            return new AuthError("InvalidSignatureException", $"Credential should be scoped with a valid terminator: 'aws4_request', not '{scope[3]}'. ");
        }
        var now = enforcer.Time.GetUtcNow();
        if (signedAt < now - AllowedSkew)
        {
            return new AuthError("InvalidSignatureException", $"Signature expired: {amzDate} is now earlier than {SigV4.AmzDate(now - AllowedSkew)} ({SigV4.AmzDate(now)} - 15 min.)");
        }
        if (signedAt > now + AllowedSkew)
        {
            return new AuthError("InvalidSignatureException", $"Signature not yet current: {amzDate} is still later than {SigV4.AmzDate(now + AllowedSkew)} ({SigV4.AmzDate(now)} + 15 min.)");
        }
        if (!header.SignedHeaders!.Split(';').Contains("host", StringComparer.Ordinal))
        {
            return new AuthError("InvalidSignatureException", "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        return null;
    }

    private static bool FixedTimeEquals(string provided, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided), Encoding.UTF8.GetBytes(expected));
}
