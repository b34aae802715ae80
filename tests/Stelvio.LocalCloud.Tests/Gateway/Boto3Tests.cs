using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Tests.Gateway;

/// <summary>boto3 (another SDK, another signer) against the gateway: DynamoDB, DynamoDB Streams and Lambda Invoke.</summary>
public sealed class Boto3Tests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static string Denied(string function, string role, string action, string resource) =>
        $"User: arn:aws:sts::000000000000:assumed-role/{role}/{function} is not authorized to perform: {action} on resource: {resource} because no identity-based policy allows the {action} action";

    [Fact]
    public async Task Boto3_signed_requests_verify_and_are_authorized()
    {
        var keys = new JsonObject
        {
            ["writer"] = JsonSerializer.SerializeToNode(fixture.Credentials("writer")),
            ["reader"] = JsonSerializer.SerializeToNode(fixture.Credentials("reader")),
            ["writerArn"] = IamTestApp.FunctionArn("writer"),
        };
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Gateway", "boto3_calls.py"), fixture.Endpoint.ToString(), IamTestApp.Region, keys.ToJsonString() })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await stderr);
        var results = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .ToDictionary(r => (string)r["case"]!);
        var stream = fixture.App.Tables.Single(t => t.TableName == "orders").StreamArn!;

        Assert.True((bool)results["writer put orders"]["ok"]!);
        AssertDenied(results["writer put secret"], 400, Denied("writer", "app-writer-role", "dynamodb:PutItem", IamTestApp.TableArn("secret")));
        Assert.Equal("InvalidSignatureException", (string)results["writer wrong secret"]["code"]!);

        Assert.Equal(stream, (string)results["reader list streams"]["result"]![0]!);
        Assert.Contains("boto3-1", results["reader get records"]["result"]!.AsArray().Select(k => (string)k!));
        AssertDenied(results["writer describe stream"], 400, Denied("writer", "app-writer-role", "dynamodb:DescribeStream", stream));
        AssertDenied(results["writer get records"], 400, Denied("writer", "app-writer-role", "dynamodb:GetRecords", stream));

        Assert.Equal("""{"invoked":"writer","payload":{"n":1}}""", results["reader invokes writer"]["result"]!.ToJsonString());
        Assert.Equal($$$"""{"invoked":"{{{IamTestApp.FunctionArn("writer")}}}","payload":{"n":2}}""", results["reader invokes writer by ARN"]["result"]!.ToJsonString());
        AssertDenied(results["writer invokes reader"], 403, Denied("writer", "app-writer-role", "lambda:InvokeFunction", IamTestApp.FunctionArn("reader")));
    }

    private static void AssertDenied(JsonObject result, int status, string message)
    {
        Assert.False((bool)result["ok"]!);
        Assert.Equal("AccessDeniedException", (string)result["code"]!);
        Assert.Equal(status, (int)result["status"]!);
        Assert.Equal(message, (string)result["message"]!);
    }
}
