using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stelvio.LocalCloud.Lambda;
using static Stelvio.LocalCloud.Tests.Lambda.LambdaTestFunctions;

namespace Stelvio.LocalCloud.Tests.Lambda;

/// <summary>
/// Lambda's Invoke REST API, driven by the real AWS SDK (boto3: AWSSDK.Lambda is not on this project's NuGet
/// mirror), against <see cref="LambdaService.HandleInvokeApiAsync"/> on a loopback server as the gateway routes it.
/// </summary>
public sealed class InvokeApiTests : IDisposable
{
    private const string Client = """
        import base64, json, sys, boto3, botocore.config

        lambda_ = boto3.client("lambda", endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="test",
                               aws_secret_access_key="test", config=botocore.config.Config(retries={"max_attempts": 0}))
        out = {}

        def call(name, **kwargs):
            try:
                response = lambda_.invoke(**kwargs)
                out[name] = {
                    "status": response["StatusCode"],
                    "version": response.get("ExecutedVersion"),
                    "error": response.get("FunctionError"),
                    "log": base64.b64decode(response["LogResult"]).decode() if "LogResult" in response else None,
                    "payload": response["Payload"].read().decode(),
                }
            except lambda_.exceptions.ClientError as e:
                out[name] = {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                             "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}

        call("ok", FunctionName="orders-api", Payload=b'{"id": "o-1"}', LogType="Tail")
        call("arn", FunctionName="arn:aws:lambda:us-east-1:000000000000:function:orders-api:$LATEST", Payload=b'{"id": "o-2"}')
        call("failed", FunctionName="orders-api", Payload=b'{"id": "o-3", "fail": true}')
        call("event", FunctionName="orders-api", Payload=b'{"id": "o-4"}', InvocationType="Event")
        call("dry", FunctionName="orders-api", InvocationType="DryRun")
        call("unknown", FunctionName="orders-nope", Payload=b"{}")
        call("alias", FunctionName="orders-api", Qualifier="prod", Payload=b"{}")
        call("large", FunctionName="orders-api", Payload=b'"' + b"x" * (6 * 1024 * 1024) + b'"')
        call("large_event", FunctionName="orders-api", InvocationType="Event", Payload=b'"' + b"x" * (1024 * 1024) + b'"')
        print(json.dumps(out))
        """;

    private readonly LambdaTestFunctions functions = new();

    [Fact]
    public async Task Invoke_ThroughBoto3_AnswersAsLambda()
    {
        var eventDone = new TaskCompletionSource<InvocationResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var code = functions.Code(("app.py", """
            def handler(event, context):
                print("handling", event["id"])
                if event.get("fail"):
                    raise RuntimeError("cannot handle " + event["id"])
                return {"handled": event["id"]}
            """));
        await using var service = Service([Function("orders-api")], new Dictionary<string, FunctionCode> { ["orders-api.zip"] = code }, o =>
            o.Invoked = r => { if (r.Payload.AsSpan().IndexOf("o-4"u8) >= 0) eventDone.TrySetResult(r); });
        await using var server = await StartAsync(service);

        var results = await RunClientAsync(server.Urls.Single());

        var ok = results.GetProperty("ok");
        Assert.Equal(200, ok.GetProperty("status").GetInt32());
        Assert.Equal("$LATEST", ok.GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Null, ok.GetProperty("error").ValueKind);
        Assert.Equal("""{"handled": "o-1"}""", ok.GetProperty("payload").GetString());
        Assert.Matches(@"^START RequestId: [0-9a-f-]{36} Version: \$LATEST\nhandling o-1\nEND RequestId: .*\nREPORT RequestId: .*\tDuration: ", ok.GetProperty("log").GetString());
        Assert.Equal("""{"handled": "o-2"}""", results.GetProperty("arn").GetProperty("payload").GetString());

        var failed = results.GetProperty("failed");
        Assert.Equal(200, failed.GetProperty("status").GetInt32());
        Assert.Equal("Unhandled", failed.GetProperty("error").GetString());
        var error = JsonDocument.Parse(failed.GetProperty("payload").GetString()!).RootElement;
        Assert.Equal("RuntimeError", error.GetProperty("errorType").GetString());
        Assert.Equal("cannot handle o-3", error.GetProperty("errorMessage").GetString());

        Assert.Equal(202, results.GetProperty("event").GetProperty("status").GetInt32());
        Assert.Equal("", results.GetProperty("event").GetProperty("payload").GetString());
        Assert.Equal("""{"handled": "o-4"}""", System.Text.Encoding.UTF8.GetString((await eventDone.Task.WaitAsync(TimeSpan.FromSeconds(60))).Payload));
        Assert.Equal(204, results.GetProperty("dry").GetProperty("status").GetInt32());

        AssertError(results.GetProperty("unknown"), 404, "ResourceNotFoundException", "Function not found: arn:aws:lambda:us-east-1:000000000000:function:orders-nope");
        AssertError(results.GetProperty("alias"), 404, "ResourceNotFoundException", "Function not found: arn:aws:lambda:us-east-1:000000000000:function:orders-api:prod");
        AssertError(results.GetProperty("large"), 413, "RequestEntityTooLargeException", "Request must be smaller than 6291456 bytes for the InvokeFunction operation");
        AssertError(results.GetProperty("large_event"), 413, "RequestEntityTooLargeException", "1048578 byte payload is too large for the Event invocation type (limit 1048576 bytes)");
    }

    [Fact]
    public void LogTail_IsTheLastFourKilobytes()
    {
        var logs = new string('a', 5000) + "END";

        var tail = Stelvio.LocalCloud.Lambda.InvokeApi.InvokeApiHandler.Tail(logs);

        Assert.Equal(4096, tail.Length);
        Assert.EndsWith("aEND", System.Text.Encoding.UTF8.GetString(tail));
    }

    public void Dispose() => functions.Dispose();

    private static void AssertError(JsonElement result, int status, string code, string message)
    {
        Assert.Equal(status, result.GetProperty("status").GetInt32());
        Assert.Equal(code, result.GetProperty("code").GetString());
        Assert.Equal(message, result.GetProperty("message").GetString());
    }

    private static async Task<WebApplication> StartAsync(LambdaService service)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        app.MapPost("/2015-03-31/functions/{name}/invocations", (string name, HttpContext context) => service.HandleInvokeApiAsync(context, name));
        await app.StartAsync();
        return app;
    }

    private async Task<JsonElement> RunClientAsync(string endpoint)
    {
        var script = Path.Combine(functions.Code(("client.py", Client)).Directory, "client.py");
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(endpoint);
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await stderr);
        return JsonDocument.Parse(await stdout).RootElement;
    }
}
