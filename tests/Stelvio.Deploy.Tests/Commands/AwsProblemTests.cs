using System.Net;
using System.Net.Sockets;
using Stelvio.Deploy.Tests.Support;
using Stelvio.Deploy.Tests.Support.StandIn;

namespace Stelvio.Deploy.Tests.Commands;

/// <summary>
/// Missing credentials, an unknown profile, an expired session, an unreachable endpoint, a missing
/// region: each gives one line saying what to do, never a stack trace. The test process has no AWS
/// credentials of its own (<see cref="TestEnvironment"/>); its profiles are keys, sso-dev.
/// </summary>
public sealed class AwsProblemTests : IAsyncLifetime
{
    private CloudFormationStandIn standIn = null!;

    public async Task InitializeAsync() => standIn = await CloudFormationStandIn.StartAsync();

    public async Task DisposeAsync() => await standIn.DisposeAsync();

    private async Task<CliResult> Deploy(Dictionary<string, string?> environment, params string[] extra)
    {
        var variables = new Dictionary<string, string?> { ["AWS_REGION"] = "us-east-1", ["AWS_ENDPOINT_URL"] = standIn.Url };
        foreach (var (key, value) in environment)
        {
            variables[key] = value;
        }

        var services = TestCli.Services(standIn.Url) with { Environment = name => variables.GetValueOrDefault(name) };
        return await TestCli.RunAsync(TestApps.Orders, services, ["deploy", "--stage", "test", "--yes", .. extra]);
    }

    private static void AssertOneLine(CliResult result, string message)
    {
        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, result.Output);
        Assert.Equal("Error: " + message, lines[0]);
    }

    [Fact]
    public async Task NoCredentialsAnywhere_SaysHowToSignIn()
    {
        var result = await Deploy([]);

        AssertOneLine(result, "No AWS credentials found. Sign in with 'aws configure' or 'aws configure sso' and pass --profile NAME, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys).");
        Assert.Empty(standIn.Requests);
    }

    [Fact]
    public async Task AnUnknownProfile_ListsTheKnownOnes()
    {
        var result = await Deploy([], "--profile", "prod");

        AssertOneLine(result, "AWS profile 'prod' (from --profile) is not in ~/.aws/config or ~/.aws/credentials. Known profiles: keys, sso-dev.");
    }

    [Fact]
    public async Task AnUnknownAwsProfileVariable_NamesTheVariable()
    {
        var result = await Deploy(new() { ["AWS_PROFILE"] = "staging" });

        AssertOneLine(result, "AWS profile 'staging' (from AWS_PROFILE) is not in ~/.aws/config or ~/.aws/credentials. Known profiles: keys, sso-dev.");
    }

    [Fact]
    public async Task AProfileWithKeys_SignsWithThemAndUsesItsRegion()
    {
        var result = await Deploy(new() { ["AWS_REGION"] = null }, "--profile", "keys");

        Assert.Contains("in eu-central-1 as", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDPROFILEKEYS/", standIn.Requests[0].Authorization, StringComparison.Ordinal);
        Assert.Contains("/eu-central-1/sts/aws4_request", standIn.Requests[0].Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnSsoProfileWithoutASession_SaysToRunSsoLogin()
    {
        var result = await Deploy([], "--profile", "sso-dev");

        AssertOneLine(result, "The SSO session for profile 'sso-dev' has expired or was never started. Run: aws sso login --profile sso-dev");
        Assert.Empty(standIn.Requests);
    }

    [Fact]
    public async Task AnExpiredSession_SaysToSignInAgain()
    {
        standIn.On("GetCallerIdentity", _ => Reply.Error(HttpStatusCode.Forbidden, "ExpiredToken", "The security token included in the request is expired"));

        var result = await Deploy(new() { ["AWS_ACCESS_KEY_ID"] = "ASIATEMP", ["AWS_SECRET_ACCESS_KEY"] = "s", ["AWS_SESSION_TOKEN"] = "old-token" });

        AssertOneLine(result, "The AWS session has expired (ExpiredToken). Refresh the credentials (for temporary keys, set new AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN; for SSO, run 'aws sso login').");
    }

    [Fact]
    public async Task AnExpiredSessionOfAProfile_NamesTheProfileInTheFix()
    {
        standIn.On("GetCallerIdentity", _ => Reply.Error(HttpStatusCode.Forbidden, "ExpiredToken", "The security token included in the request is expired"));

        var result = await Deploy([], "--profile", "keys");

        AssertOneLine(result, "The AWS session has expired (ExpiredToken). Sign in again: aws sso login --profile keys (or refresh the keys of profile 'keys').");
    }

    [Fact]
    public async Task RejectedKeys_SayWhereTheyCameFrom()
    {
        standIn.On("GetCallerIdentity", _ => Reply.Error(HttpStatusCode.Forbidden, "InvalidClientTokenId", "The security token included in the request is invalid."));

        var result = await Deploy(new() { ["AWS_ACCESS_KEY_ID"] = "AKIDWRONG", ["AWS_SECRET_ACCESS_KEY"] = "s" });

        AssertOneLine(result, "AWS does not accept the credentials from environment variables (AWS_ACCESS_KEY_ID) (InvalidClientTokenId: The security token included in the request is invalid.). Check the access key and secret, or pick another --profile.");
    }

    [Fact]
    public async Task AnUnreachableEndpoint_NamesItAndWhereItCameFrom()
    {
        var port = ClosedPort();

        var result = await Deploy(new() { ["AWS_ACCESS_KEY_ID"] = "AKID", ["AWS_SECRET_ACCESS_KEY"] = "s", ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{port}" });

        AssertOneLine(result, $"Cannot reach sts at http://127.0.0.1:{port}/ (connection refused). Is the endpoint running? It comes from AWS_ENDPOINT_URL; unset it to use AWS.");
    }

    [Fact]
    public async Task AnEndpointAnswering404WithAnEmptyBody_SaysSoAndWhatToCheck()
    {
        standIn.On("GetCallerIdentity", _ => new Reply(HttpStatusCode.NotFound, "", "text/plain"));

        var result = await Deploy(new() { ["AWS_ACCESS_KEY_ID"] = "AKID", ["AWS_SECRET_ACCESS_KEY"] = "s" });

        AssertOneLine(
            result,
            $"sts:GetCallerIdentity failed (HTTP404): {standIn.Url}/ answered HTTP 404 (Not Found) with an empty body, not an AWS error. " +
            "Check that AWS_ENDPOINT_URL points at a server that speaks the AWS sts API (for an emulator such as moto or LocalStack, its base URL, for example http://127.0.0.1:5000), or unset it to use AWS.");
    }

    [Fact]
    public async Task NoRegion_SaysHowToSetOne()
    {
        var result = await Deploy(new() { ["AWS_ACCESS_KEY_ID"] = "AKID", ["AWS_SECRET_ACCESS_KEY"] = "s", ["AWS_REGION"] = null });

        AssertOneLine(result, "No AWS region set. Pass --region (for example --region eu-west-1), set AWS_REGION, or add 'region = eu-west-1' to your profile in ~/.aws/config.");
    }

    [Fact]
    public async Task AccessDenied_NamesTheActionAndStack()
    {
        standIn.On("GetTemplate", _ => Reply.Error(HttpStatusCode.Forbidden, "AccessDenied", "User: arn:aws:iam::123456789012:user/deployer is not authorized to perform: cloudformation:GetTemplate"));

        var result = await Deploy(new() { ["AWS_ACCESS_KEY_ID"] = "AKID", ["AWS_SECRET_ACCESS_KEY"] = "s" });

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("Synthesized 1 resources, hashed the code of 0 function assets ", lines[1], StringComparison.Ordinal);
        Assert.Equal(
            [
                "Deploying shop-test to account 123456789012 in us-east-1 as arn:aws:iam::123456789012:user/deployer",
                "Error: Access denied to cloudformation:GetTemplate for stack 'shop-test': User: arn:aws:iam::123456789012:user/deployer is not authorized to perform: cloudformation:GetTemplate. Use an identity allowed to deploy (for example with --profile).",
            ],
            lines.Where((_, i) => i != 1));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
