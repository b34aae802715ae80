using System.Collections.Concurrent;
using System.Text.Json;
using Stelvio.LocalCloud.Lambda;
using Stelvio.LocalCloud.Tests.Lambda.Sandboxes;
using static Stelvio.LocalCloud.Tests.Lambda.LambdaTestFunctions;

namespace Stelvio.LocalCloud.Tests.Lambda;

/// <summary>What the local cloud does around a function: environment, concurrency, logs, the Runtime API's rules, code swaps, shutdown.</summary>
public sealed class PythonRuntimeTests : IDisposable
{
    private const string EnvironmentHandler = """
        import os

        def handler(event, context):
            return dict(os.environ)
        """;

    private readonly LambdaTestFunctions functions = new();

    [Fact]
    public async Task Environment_IsLambdas_WithTheFunctionsAndTheHostsVariables_AndNothingOfTheDevelopers()
    {
        Environment.SetEnvironmentVariable("AWS_STELVIO_TEST_DEVELOPER_SECRET", "do-not-pass");
        var code = functions.Code(("app.py", EnvironmentHandler));
        var function = Function("orders-env", memory: 1024, environment: new Dictionary<string, string> { ["ORDERS_TABLE"] = "shop-test-orders" });
        await using var service = Service([function], new Dictionary<string, FunctionCode> { ["orders-env.zip"] = code }, o =>
            o.ExtraEnvironment = f => new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "LOCAL" + f.Name, ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:4566" });

        var env = Json(await InvokeAsync(service, "orders-env")).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());

        Assert.Equal("shop-test-orders", env["ORDERS_TABLE"]);
        Assert.Equal("us-east-1", env["AWS_REGION"]);
        Assert.Equal("us-east-1", env["AWS_DEFAULT_REGION"]);
        Assert.Equal("orders-env", env["AWS_LAMBDA_FUNCTION_NAME"]);
        Assert.Equal("1024", env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]);
        Assert.Equal("$LATEST", env["AWS_LAMBDA_FUNCTION_VERSION"]);
        Assert.Equal("/aws/lambda/orders-env", env["AWS_LAMBDA_LOG_GROUP_NAME"]);
        Assert.StartsWith(DateTime.UtcNow.ToString("yyyy/MM/", System.Globalization.CultureInfo.InvariantCulture), env["AWS_LAMBDA_LOG_STREAM_NAME"]);
        Assert.Equal("AWS_Lambda_python3.12", env["AWS_EXECUTION_ENV"]);
        Assert.Equal("app.handler", env["_HANDLER"]);
        Assert.Equal(code.Directory, env["LAMBDA_TASK_ROOT"]);
        Assert.True(File.Exists(Path.Combine(env["LAMBDA_RUNTIME_DIR"]!, "bootstrap.py")));
        Assert.Matches(@"^127\.0\.0\.1:\d+$", env["AWS_LAMBDA_RUNTIME_API"]);
        Assert.Equal(":UTC", env["TZ"]);
        Assert.Equal("en_US.UTF-8", env["LANG"]);
        Assert.False(string.IsNullOrEmpty(env["PATH"]));
        Assert.Equal("LOCALorders-env", env["AWS_ACCESS_KEY_ID"]);
        Assert.Equal("http://127.0.0.1:4566", env["AWS_ENDPOINT_URL_DYNAMODB"]);
        Assert.DoesNotContain("AWS_STELVIO_TEST_DEVELOPER_SECRET", env.Keys);
        Assert.DoesNotContain(env.Keys, k => k.StartsWith("DOTNET_", StringComparison.Ordinal));
        var allowed = new HashSet<string>(StringComparer.Ordinal)
        {
            "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_LAMBDA_RUNTIME_API", "AWS_EXECUTION_ENV", "AWS_ACCESS_KEY_ID",
            "AWS_ENDPOINT_URL_DYNAMODB",
        };
        Assert.All(env.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)), k => Assert.Contains(k, allowed));
    }

    [Fact]
    public async Task ConcurrentInvocations_UseAtMostTheConcurrencyLimit_AndTheRestWait()
    {
        var running = Path.Combine(Path.GetTempPath(), "stelvio-lambda-tests", "running-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(running);
        var code = functions.Code(("app.py", """
            import os, time

            def handler(event, context):
                mark = os.path.join(event["dir"], context.aws_request_id)
                open(mark, "w").close()
                seen = len(os.listdir(event["dir"]))
                time.sleep(0.3)
                os.remove(mark)
                return {"pid": os.getpid(), "seen": seen}
            """));
        await using var service = Service([Function("orders-busy")], new Dictionary<string, FunctionCode> { ["orders-busy.zip"] = code }, o => o.MaxConcurrency = 2);
        var payload = JsonSerializer.Serialize(new { dir = running });

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => InvokeAsync(service, "orders-busy", payload)));

        Assert.All(results, r => Assert.Null(r.Error));
        Assert.All(results, r => Assert.InRange(Json(r).GetProperty("seen").GetInt32(), 1, 2));
        Assert.Equal(2, results.Select(r => Json(r).GetProperty("pid").GetInt32()).Distinct().Count());
        Assert.Equal(2, results.Count(r => r.ColdStart));
        Assert.Equal(2, service.ProcessCount("orders-busy"));
        Directory.Delete(running, recursive: true);
    }

    [Fact]
    public async Task ReservedConcurrency_LowersTheLimit()
    {
        var code = functions.Code(("app.py", "import os, time\n\ndef handler(event, context):\n    time.sleep(0.1)\n    return os.getpid()\n"));
        await using var service = Service([Function("orders-reserved", reservedConcurrency: 1)], new Dictionary<string, FunctionCode> { ["orders-reserved.zip"] = code });

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => InvokeAsync(service, "orders-reserved")));

        Assert.Single(results.Select(r => Json(r).GetInt32()).Distinct());
        Assert.Equal(1, service.ProcessCount("orders-reserved"));
    }

    [Fact]
    public async Task Logs_HoldEachInvocationsOwnLines_AndGoLiveToTheLogCallback()
    {
        var live = new ConcurrentQueue<FunctionLogLine>();
        var code = functions.Code(("app.py", """
            import logging
            print("loading")

            def handler(event, context):
                print("order", event["id"])
                logging.getLogger().warning("careful with %s", event["id"])
                return "ok"
            """));
        await using var service = Service([Function("orders-log")], new Dictionary<string, FunctionCode> { ["orders-log.zip"] = code }, o => o.Log = live.Enqueue);

        var first = await InvokeAsync(service, "orders-log", """{"id":"o-1"}""");
        var second = await InvokeAsync(service, "orders-log", """{"id":"o-2"}""");

        Assert.StartsWith($"loading\nSTART RequestId: {first.RequestId} Version: $LATEST\norder o-1\n[WARNING]\t", first.Logs);
        Assert.Contains($"Z\t{first.RequestId}\tcareful with o-1\nEND RequestId: {first.RequestId}\nREPORT RequestId: {first.RequestId}\t", first.Logs);
        Assert.StartsWith($"START RequestId: {second.RequestId} Version: $LATEST\norder o-2\n", second.Logs);
        Assert.DoesNotContain("o-1", second.Logs);
        Assert.Contains(live, l => l.Line == "loading" && l.RequestId is null && l.FunctionName == "orders-log");
        Assert.Contains(live, l => l.Line == "order o-2" && l.RequestId == second.RequestId);
    }

    [Fact]
    public async Task RuntimeApi_RefusesBadCalls_WithLambdasStatusCodesAndErrors()
    {
        var code = functions.Code(("app.py", """
            import http.client, os

            def call(method, path, body=b"{}"):
                connection = http.client.HTTPConnection(*os.environ["AWS_LAMBDA_RUNTIME_API"].split(":"))
                connection.request(method, "/2018-06-01/runtime/" + path, body=body)
                response = connection.getresponse()
                return {"status": response.status, "body": response.read().decode()}

            def handler(event, context):
                return {
                    "wrong_id": call("POST", "invocation/not-this-one/response"),
                    "init_error": call("POST", "init/error"),
                }
            """));
        await using var service = Service([Function("orders-api")], new Dictionary<string, FunctionCode> { ["orders-api.zip"] = code });

        var result = Json(await InvokeAsync(service, "orders-api"));

        Assert.Equal(400, result.GetProperty("wrong_id").GetProperty("status").GetInt32());
        Assert.Equal("""{"errorMessage":"Invalid request ID","errorType":"InvalidRequestID"}""", result.GetProperty("wrong_id").GetProperty("body").GetString());
        Assert.Equal(403, result.GetProperty("init_error").GetProperty("status").GetInt32());
        Assert.Equal(
            """{"errorMessage":"State transition from Ready to InitError failed for runtime. Error: State transition is not allowed","errorType":"InvalidStateTransition"}""",
            result.GetProperty("init_error").GetProperty("body").GetString());
    }

    [Fact]
    public async Task ReplaceCode_RunsTheNewCodeInANewProcess_AndStopsTheOldOne()
    {
        var old = functions.Code(("app.py", "import os\n\ndef handler(event, context):\n    return {'version': 1, 'pid': os.getpid()}\n"));
        var replacement = functions.Code(("app.py", "import os\n\ndef handler(event, context):\n    return {'version': 2, 'pid': os.getpid()}\n"));
        await using var service = Service([Function("orders-swap", codeKey: "shared.zip"), Function("orders-swap-2", codeKey: "shared.zip")],
            new Dictionary<string, FunctionCode> { ["shared.zip"] = old });
        var before = Json(await InvokeAsync(service, "orders-swap"));

        await service.ReplaceCodeAsync("shared.zip", replacement, CancellationToken.None);
        var after = await InvokeAsync(service, "orders-swap");
        var other = await InvokeAsync(service, "orders-swap-2");

        Assert.Equal(1, before.GetProperty("version").GetInt32());
        Assert.Equal(2, Json(after).GetProperty("version").GetInt32());
        Assert.True(after.ColdStart);
        Assert.Equal(2, Json(other).GetProperty("version").GetInt32());
        Assert.False(ProcessTreeProbe.IsRunning(before.GetProperty("pid").GetInt32()));
    }

    [Fact]
    public async Task Dispose_StopsEveryProcess_AndTheProcessesTheyStarted()
    {
        var code = functions.Code(("app.py", """
            import os, subprocess

            def handler(event, context):
                child = subprocess.Popen(["sleep", "300"])
                return {"pid": os.getpid(), "child": child.pid}
            """));
        var service = Service([Function("orders-spawn")], new Dictionary<string, FunctionCode> { ["orders-spawn.zip"] = code });
        var result = Json(await InvokeAsync(service, "orders-spawn"));
        var pid = result.GetProperty("pid").GetInt32();
        var child = result.GetProperty("child").GetInt32();
        Assert.True(ProcessTreeProbe.IsRunning(pid));
        Assert.True(ProcessTreeProbe.IsRunning(child));

        await service.DisposeAsync();

        Assert.False(ProcessTreeProbe.IsRunning(pid));
        Assert.False(ProcessTreeProbe.IsRunning(child));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => InvokeAsync(service, "orders-spawn"));
    }

    [Fact]
    public async Task Invoke_WhenTheCallerCancels_StopsTheProcessHoldingTheInvocation()
    {
        using var cancel = new CancellationTokenSource();
        var pid = 0;
        var code = functions.Code(("app.py", "import os, time\n\ndef handler(event, context):\n    print('started', os.getpid(), flush=True)\n    time.sleep(60)\n"));
        await using var service = Service([Function("orders-cancel", timeoutSeconds: 120)], new Dictionary<string, FunctionCode> { ["orders-cancel.zip"] = code }, o =>
            o.Log = line =>
            {
                if (line.Line.StartsWith("started ", StringComparison.Ordinal))
                {
                    pid = int.Parse(line.Line["started ".Length..], System.Globalization.CultureInfo.InvariantCulture);
                    cancel.Cancel();
                }
            });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            service.InvokeAsync(new InvocationRequest("orders-cancel", "{}"u8.ToArray(), new InvocationTrigger("cli", null, 0)), cancel.Token));

        Assert.NotEqual(0, pid);
        Assert.False(ProcessTreeProbe.IsRunning(pid));
        Assert.Equal(0, service.ProcessCount("orders-cancel"));
    }

    [Fact]
    public async Task Invoke_OfAnUnknownFunction_ThrowsKeyNotFound()
    {
        await using var service = Service([Function("orders-known")], new Dictionary<string, FunctionCode>());

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => InvokeAsync(service, "orders-unknown"));

        Assert.Equal("The local cloud has no function named 'orders-unknown'. Functions: orders-known.", error.Message);
    }

    public void Dispose() => functions.Dispose();
}
