using System.Globalization;
using System.Security.Cryptography;
using System.Text;

// Compiled into Stelvio.LocalCloud too (linked, see its csproj), where the local cloud verifies function
// requests with the same signer; there it lives in that assembly's own namespace.
#if STELVIO_LOCALCLOUD
namespace Stelvio.LocalCloud.Iam.Signing;
#else
namespace Stelvio.Deploy.Aws;
#endif

/// <summary>
/// AWS Signature Version 4 (<c>AWS4-HMAC-SHA256</c>), as described in the AWS General Reference and
/// checked against AWS's published SigV4 test suite (tests/Stelvio.Deploy.Tests/Aws/SigV4Tests.cs).
/// Paths are normalized and their decoded segments encoded once, as in that suite; the Query API
/// always posts to <c>/</c>.
/// </summary>
internal static class SigV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Signs a request: returns its canonical request, string to sign and Authorization header value.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The full request URI, query string included.</param>
    /// <param name="headers">The headers to sign, in the order sent (<c>host</c> and <c>x-amz-date</c> among them); repeated names are joined with commas.</param>
    /// <param name="payload">The body bytes.</param>
    /// <param name="credentials">The signing keys.</param>
    /// <param name="region">The region of the credential scope.</param>
    /// <param name="service">The signing name of the service (<c>cloudformation</c>, <c>sts</c>).</param>
    /// <param name="signedAt">The signing time; must equal the <c>x-amz-date</c> header.</param>
    public static SigV4Signature Sign(
        string method,
        Uri uri,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        ReadOnlySpan<byte> payload,
        AwsCredentials credentials,
        string region,
        string service,
        DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(credentials);
        var utc = signedAt.ToUniversalTime();
        var amzDate = utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var scope = $"{date}/{region}/{service}/aws4_request";

        var (canonicalHeaders, signedHeaders) = CanonicalHeaders(headers);
        var canonicalRequest = string.Join(
            '\n',
            method.ToUpperInvariant(),
            CanonicalPath(uri.AbsolutePath),
            CanonicalQuery(uri.Query),
            canonicalHeaders,
            signedHeaders,
            Hex(SHA256.HashData(payload)));
        var stringToSign = string.Join('\n', Algorithm, amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));
        var authorization = $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new SigV4Signature(canonicalRequest, stringToSign, signedHeaders, signature, authorization);
    }

    /// <summary>The <c>x-amz-date</c> form of a time: <c>yyyyMMddTHHmmssZ</c>.</summary>
    public static string AmzDate(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Percent-encodes every byte except the unreserved characters <c>A-Z a-z 0-9 - _ . ~</c>, with upper-case hex.</summary>
    public static string UriEncode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static (string Canonical, string Signed) CanonicalHeaders(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var byName = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var key = name.Trim().ToLowerInvariant();
            if (!byName.TryGetValue(key, out var values))
            {
                byName[key] = values = [];
            }

            values.Add(CollapseSpaces(value.Trim()));
        }

        var canonical = new StringBuilder();
        foreach (var (name, values) in byName)
        {
            canonical.Append(name).Append(':').Append(string.Join(',', values)).Append('\n');
        }

        return (canonical.ToString(), string.Join(';', byName.Keys));
    }

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value)
        {
            var space = c == ' ';
            if (!(space && previousSpace))
            {
                builder.Append(c);
            }

            previousSpace = space;
        }

        return builder.ToString();
    }

    private static string CanonicalPath(string escapedPath)
    {
        var segments = new List<string>();
        foreach (var segment in escapedPath.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (segments.Count > 0)
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }

                    continue;
                default:
                    segments.Add(UriEncode(Uri.UnescapeDataString(segment)));
                    break;
            }
        }

        var path = "/" + string.Join('/', segments);
        var trailingSlash = segments.Count > 0 && (escapedPath.EndsWith('/') || escapedPath.EndsWith("/.", StringComparison.Ordinal) || escapedPath.EndsWith("/..", StringComparison.Ordinal));
        return trailingSlash ? path + "/" : path;
    }

    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (var part in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            pairs.Add((UriEncode(Uri.UnescapeDataString(key)), UriEncode(Uri.UnescapeDataString(value))));
        }

        pairs.Sort((a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => p.Key + "=" + p.Value));
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}

/// <summary>The parts of one SigV4 signature, kept for tests and diagnostics.</summary>
internal sealed record SigV4Signature(string CanonicalRequest, string StringToSign, string SignedHeaders, string Signature, string Authorization);
