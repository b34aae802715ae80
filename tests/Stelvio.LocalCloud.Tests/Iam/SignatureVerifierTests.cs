using System.Text;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;
using Stelvio.LocalCloud.Iam;
using Stelvio.LocalCloud.Iam.Signing;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Tests.Iam;

public sealed class SignatureVerifierTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"TableName":"orders"}""");

    private readonly FakeTimeProvider _time = new(Now);
    private readonly IamEnforcer _enforcer;
    private readonly FunctionCredentials _credentials;

    public SignatureVerifierTests()
    {
        var function = new LocalFunction("F", "f", "arn:aws:lambda:us-east-1:000000000000:function:f", "provided.al2023", "bootstrap", 128, TimeSpan.FromSeconds(3), "x86_64", new Dictionary<string, string>(), "arn:aws:iam::000000000000:role/r", "f.zip", null);
        var app = new LocalApp("us-east-1", "000000000000", [], [function], [new LocalRole("R", "r", "arn:aws:iam::000000000000:role/r", [], [])], [], []);
        _enforcer = new IamEnforcer(app, _time);
        _credentials = _enforcer.CredentialsFor(function);
    }

    private Dictionary<string, string> Sign(DateTimeOffset signedAt, string region = "us-east-1", string service = "dynamodb", string path = "/", bool signHost = true, string? secret = null)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = "127.0.0.1:4566",
            ["X-Amz-Date"] = SigV4.AmzDate(signedAt),
            ["X-Amz-Target"] = "DynamoDB_20120810.DescribeTable",
            ["X-Amz-Security-Token"] = _credentials.SessionToken,
        };
        var signed = headers.Where(h => signHost || h.Key != "Host").ToList();
        var signature = SigV4.Sign("POST", new Uri("http://127.0.0.1:4566" + path), signed, Body, new AwsCredentials(_credentials.AccessKeyId, secret ?? _credentials.SecretAccessKey), region, service, signedAt);
        headers["Authorization"] = signature.Authorization;
        return headers;
    }

    private SignatureOutcome Verify(Dictionary<string, string> headers, byte[]? body = null, string path = "/", string service = "dynamodb") =>
        SignatureVerifier.Verify(_enforcer, service, "POST", path, name => headers.TryGetValue(name, out var value) ? new StringValues(value) : StringValues.Empty, body ?? Body);

    private static AuthError ErrorOf(SignatureOutcome outcome) => Assert.IsType<AuthError>(outcome.Error);

    [Fact]
    public void A_correctly_signed_request_identifies_its_function()
    {
        var outcome = Verify(Sign(Now));
        Assert.Null(outcome.Error);
        Assert.Equal("f", outcome.Function!.Function.Name);
    }

    [Fact]
    public void A_lambda_path_is_canonicalized_as_the_SDKs_sign_it()
    {
        const string path = "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Af/invocations";
        var outcome = Verify(Sign(Now, service: "lambda", path: path.Replace("%3A", "%253A", StringComparison.Ordinal)), path: path, service: "lambda");
        Assert.Null(outcome.Error);
    }

    [Fact]
    public void Other_credentials_and_unsigned_requests_are_not_verified()
    {
        Assert.Same(SignatureOutcome.NotAFunction, Verify(new Dictionary<string, string>()));
        Assert.Same(SignatureOutcome.NotAFunction, Verify(new Dictionary<string, string> { ["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250601/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00" }));
    }

    [Fact]
    public void A_changed_body_or_secret_does_not_match()
    {
        var changed = ErrorOf(Verify(Sign(Now), Encoding.UTF8.GetBytes("""{"TableName":"secret"}""")));
        Assert.Equal("InvalidSignatureException", changed.Type);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'POST\n/\n", changed.Message, StringComparison.Ordinal);
        Assert.Equal("InvalidSignatureException", ErrorOf(Verify(Sign(Now, secret: "wrong"))).Type);
    }

    [Fact]
    public void Signatures_older_or_newer_than_15_minutes_are_refused()
    {
        Assert.Null(Verify(Sign(Now.AddMinutes(-14))).Error);
        Assert.Equal(
            new AuthError("InvalidSignatureException", "Signature expired: 20250601T114000Z is now earlier than 20250601T114500Z (20250601T120000Z - 15 min.)"),
            ErrorOf(Verify(Sign(Now.AddMinutes(-20)))));
        Assert.Equal(
            new AuthError("InvalidSignatureException", "Signature not yet current: 20250601T122000Z is still later than 20250601T121500Z (20250601T120000Z + 15 min.)"),
            ErrorOf(Verify(Sign(Now.AddMinutes(20)))));
    }

    [Fact]
    public void The_credential_scope_must_be_the_local_region_and_the_service()
    {
        Assert.Equal(new AuthError("InvalidSignatureException", "Credential should be scoped to a valid region, not 'eu-west-1'. "), ErrorOf(Verify(Sign(Now, region: "eu-west-1"))));
        Assert.Equal(new AuthError("InvalidSignatureException", "Credential should be scoped to correct service: 'dynamodb'. "), ErrorOf(Verify(Sign(Now, service: "lambda"))));
        var headers = Sign(Now);
        headers["X-Amz-Date"] = "20250602T120000Z";
        Assert.Equal(
            new AuthError("InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20250601' != '20250602', from '20250602T120000Z'."),
            ErrorOf(Verify(headers)));
    }

    [Fact]
    public void Host_must_be_signed()
    {
        Assert.Equal(new AuthError("InvalidSignatureException", "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."), ErrorOf(Verify(Sign(Now, signHost: false))));
    }

    [Fact]
    public void Missing_parts_are_an_incomplete_signature()
    {
        var headers = Sign(Now);
        headers.Remove("X-Amz-Date");
        var authorization = headers["Authorization"];
        Assert.Equal(
            new AuthError("IncompleteSignatureException", $"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization={authorization}"),
            ErrorOf(Verify(headers)));
        headers["Authorization"] = authorization[..authorization.IndexOf(", Signature=", StringComparison.Ordinal)];
        headers["X-Amz-Date"] = SigV4.AmzDate(Now);
        Assert.Equal(
            new AuthError("IncompleteSignatureException", $"Authorization header requires 'Signature' parameter. Authorization={headers["Authorization"]}"),
            ErrorOf(Verify(headers)));
    }

    [Fact]
    public void The_session_token_must_be_the_functions()
    {
        var headers = Sign(Now);
        headers.Remove("X-Amz-Security-Token");
        Assert.Equal(new AuthError("UnrecognizedClientException", "The security token included in the request is invalid."), ErrorOf(Verify(headers)));
    }
}
