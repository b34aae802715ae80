using System.Text;
using Stelvio.Deploy.Aws;

namespace Stelvio.Deploy.Tests.Aws;

/// <summary>
/// The signer against AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite: credentials
/// AKIDEXAMPLE, region us-east-1, service "service", signed at 2015-08-30T12:36:00Z) and the IAM
/// ListUsers example of the AWS General Reference.
/// </summary>
public sealed class SigV4Tests
{
    private const string Host = "example.amazonaws.com";
    private const string AmzDate = "20150830T123600Z";
    private const string SessionToken =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    private static readonly AwsCredentials Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset SignedAt = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string, string, string, string, string> Suite => new()
    {
        // name, method, path and query, extra headers ("Name:value|..."), body, signed headers, signature
        { "get-vanilla", "GET", "/", "", "", "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "get-vanilla-query", "GET", "/?Param1=value1", "", "", "host;x-amz-date", "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb" },
        { "get-vanilla-query-order-key-case", "GET", "/?Param2=value2&Param1=value1", "", "", "host;x-amz-date", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500" },
        { "get-vanilla-query-order-key", "GET", "/?Param1=value2&Param1=value1", "", "", "host;x-amz-date", "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694" },
        { "get-vanilla-query-order-value", "GET", "/?Param1=value2&Param1=Value1", "", "", "host;x-amz-date", "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1" },
        { "get-vanilla-query-unreserved", "GET", "/?-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "", "", "host;x-amz-date", "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197" },
        { "get-vanilla-utf8-query", "GET", "/?%E1%88%B4=bar", "", "", "host;x-amz-date", "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04" },
        { "get-unreserved", "GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "", "", "host;x-amz-date", "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f" },
        { "get-slash-pointless-dot", "GET", "/./example", "", "", "host;x-amz-date", "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5" },
        { "get-slashes", "GET", "//example//", "", "", "host;x-amz-date", "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84" },
        { "get-header-value-trim", "GET", "/", "My-Header1: value1|My-Header2: \"a   b   c\"", "", "host;my-header1;my-header2;x-amz-date", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736" },
        { "get-header-key-duplicate", "GET", "/", "My-Header1:value2|My-Header1:value2|My-Header1:value1", "", "host;my-header1;x-amz-date", "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea" },
        { "get-header-value-order", "GET", "/", "My-Header1:value4|My-Header1:value1|My-Header1:value3|My-Header1:value2", "", "host;my-header1;x-amz-date", "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01" },
        { "post-vanilla", "POST", "/", "", "", "host;x-amz-date", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b" },
        { "post-vanilla-query", "POST", "/?Param1=value1", "", "", "host;x-amz-date", "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11" },
        { "post-header-key-sort", "POST", "/", "My-Header1:value1", "", "host;my-header1;x-amz-date", "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c" },
        { "post-header-value-case", "POST", "/", "My-Header1:VALUE1", "", "host;my-header1;x-amz-date", "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d" },
        { "post-x-www-form-urlencoded", "POST", "/", "Content-Type:application/x-www-form-urlencoded", "Param1=value1", "content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a" },
        { "post-x-www-form-urlencoded-parameters", "POST", "/", "Content-Type:application/x-www-form-urlencoded; charset=utf8", "Param1=value1", "content-type;host;x-amz-date", "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe" },
        { "post-sts-header-before", "POST", "/", "X-Amz-Security-Token:" + SessionToken, "", "host;x-amz-date;x-amz-security-token", "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead" },
    };

    [Theory]
    [MemberData(nameof(Suite))]
    public void Sign_MatchesTheAwsTestSuite(string name, string method, string pathAndQuery, string extraHeaders, string body, string signedHeaders, string signature)
    {
        var headers = new List<KeyValuePair<string, string>> { new("Host", Host) };
        foreach (var header in extraHeaders.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(header[..colon], header[(colon + 1)..]));
        }

        headers.Add(new("X-Amz-Date", AmzDate));

        var result = SigV4.Sign(method, new Uri("https://" + Host + pathAndQuery), headers, Encoding.UTF8.GetBytes(body), Example, "us-east-1", "service", SignedAt);

        Assert.True(signature == result.Signature, $"{name}: signature {result.Signature}, canonical request:\n{result.CanonicalRequest}");
        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders={signedHeaders}, Signature={signature}",
            result.Authorization);
    }

    [Fact]
    public void Sign_IamListUsersExample_GivesTheDocumentedCanonicalRequestStringToSignAndSignature()
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            new("Host", "iam.amazonaws.com"),
            new("X-Amz-Date", AmzDate),
        };

        var result = SigV4.Sign("GET", new Uri("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08"), headers, [], Example, "us-east-1", "iam", SignedAt);

        Assert.Equal(
            "GET\n/\nAction=ListUsers&Version=2010-05-08\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            result.CanonicalRequest);
        Assert.Equal(
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\nf536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59",
            result.StringToSign);
        Assert.Equal("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7", result.Signature);
    }

    [Fact]
    public void Sign_WithTheTimeInAnotherZone_SignsItsUtcInstant()
    {
        var headers = new List<KeyValuePair<string, string>> { new("Host", Host), new("X-Amz-Date", AmzDate) };

        var result = SigV4.Sign("GET", new Uri("https://" + Host + "/"), headers, [], Example, "us-east-1", "service", SignedAt.ToOffset(TimeSpan.FromHours(2)));

        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", result.Signature);
    }

    [Theory]
    [InlineData("abc-_.~XYZ09", "abc-_.~XYZ09")]
    [InlineData("a b+c=d&e/f", "a%20b%2Bc%3Dd%26e%2Ff")]
    [InlineData("ሴ", "%E1%88%B4")]
    public void UriEncode_KeepsOnlyUnreservedCharacters(string value, string encoded) =>
        Assert.Equal(encoded, SigV4.UriEncode(value));
}
