using System.Text.Json;
using Stelvio.LocalCloud.Lambda;
using static Stelvio.LocalCloud.Tests.Lambda.LambdaTestFunctions;

namespace Stelvio.LocalCloud.Tests.Lambda;

/// <summary>python3.* functions run with the local Python and the shipped Runtime API bootstrap.</summary>
public sealed class PythonFunctionTests : IDisposable
{
    private readonly LambdaTestFunctions functions = new();

    [Fact]
    public async Task Invoke_ReturnsTheHandlersResult_WithAwsLikeContextAndLogs()
    {
        var code = functions.Code(("app.py", """
            import os

            def handler(event, context):
                print("got", event["id"])
                return {
                    "id": event["id"],
                    "request_id": context.aws_request_id,
                    "function_name": context.function_name,
                    "function_version": context.function_version,
                    "memory": context.memory_limit_in_mb,
                    "arn": context.invoked_function_arn,
                    "log_group": context.log_group_name,
                    "log_stream": context.log_stream_name,
                    "remaining": context.get_remaining_time_in_millis(),
                    "cwd": os.getcwd(),
                }
            """));
        await using var service = Service([Function("orders-echo", memory: 256)], new Dictionary<string, FunctionCode> { ["orders-echo.zip"] = code });

        var result = await InvokeAsync(service, "orders-echo", """{"id":"o-1"}""");

        Assert.Null(result.Error);
        var json = Json(result);
        Assert.Equal("o-1", json.GetProperty("id").GetString());
        Assert.Equal(result.RequestId, json.GetProperty("request_id").GetString());
        Assert.Equal("orders-echo", json.GetProperty("function_name").GetString());
        Assert.Equal("$LATEST", json.GetProperty("function_version").GetString());
        Assert.Equal("256", json.GetProperty("memory").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:orders-echo", json.GetProperty("arn").GetString());
        Assert.Equal("/aws/lambda/orders-echo", json.GetProperty("log_group").GetString());
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/\[\$LATEST\][0-9a-f]{32}$", json.GetProperty("log_stream").GetString());
        Assert.InRange(json.GetProperty("remaining").GetInt64(), 1, 3000);
        Assert.Equal(code.Directory, json.GetProperty("cwd").GetString());
        Assert.True(result.ColdStart);
        Assert.NotNull(result.InitDuration);
        Assert.Contains($"START RequestId: {result.RequestId} Version: $LATEST\ngot o-1\nEND RequestId: {result.RequestId}\nREPORT RequestId: {result.RequestId}\tDuration: ", result.Logs);
        Assert.Matches(@"\tBilled Duration: \d+ ms\tMemory Size: 256 MB\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d\d ms\n$", result.Logs);
    }

    [Fact]
    public async Task Invoke_WhenTheHandlerRaises_ReportsLambdasErrorShape()
    {
        var code = functions.Code(("app.py", """
            def handler(event, context):
                check(event)

            def check(event):
                raise ValueError("order " + event["id"] + " has no items")
            """));
        await using var service = Service([Function("orders-check")], new Dictionary<string, FunctionCode> { ["orders-check.zip"] = code });

        var result = await InvokeAsync(service, "orders-check", """{"id":"o-2"}""");

        Assert.NotNull(result.Error);
        Assert.Equal("ValueError", result.Error.ErrorType);
        Assert.Equal("order o-2 has no items", result.Error.ErrorMessage);
        Assert.Equal(2, result.Error.StackTrace.Count);
        Assert.Contains("app.py\", line 2, in handler", result.Error.StackTrace[0]);
        Assert.Contains("app.py\", line 5, in check", result.Error.StackTrace[1]);
        var json = Json(result);
        Assert.Equal(["errorMessage", "errorType", "requestId", "stackTrace"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(result.RequestId, json.GetProperty("requestId").GetString());
        Assert.Contains("[ERROR] ValueError: order o-2 has no items\nTraceback (most recent call last):\n", result.Logs);
    }

    [Fact]
    public async Task Invoke_Twice_ReusesTheWarmProcess()
    {
        var code = functions.Code(("app.py", """
            import os
            count = 0

            def handler(event, context):
                global count
                count += 1
                return {"pid": os.getpid(), "count": count}
            """));
        await using var service = Service([Function("counter")], new Dictionary<string, FunctionCode> { ["counter.zip"] = code });

        var first = await InvokeAsync(service, "counter");
        var second = await InvokeAsync(service, "counter");

        Assert.True(first.ColdStart);
        Assert.False(second.ColdStart);
        Assert.Null(second.InitDuration);
        Assert.DoesNotContain("Init Duration", second.Logs);
        Assert.Equal(Json(first).GetProperty("pid").GetInt32(), Json(second).GetProperty("pid").GetInt32());
        Assert.Equal(2, Json(second).GetProperty("count").GetInt32());
        Assert.Equal(1, service.ProcessCount("counter"));
    }

    [Fact]
    public async Task Invoke_PastTheTimeout_FailsAsLambdaDoes_AndReplacesTheProcess()
    {
        var code = functions.Code(("app.py", """
            import os, time

            def handler(event, context):
                if event.get("sleep"):
                    print("sleeping in", os.getpid(), flush=True)
                    time.sleep(60)
                return {"pid": os.getpid()}
            """));
        await using var service = Service([Function("sleepy", timeoutSeconds: 1)], new Dictionary<string, FunctionCode> { ["sleepy.zip"] = code });
        var warm = await InvokeAsync(service, "sleepy");

        var result = await InvokeAsync(service, "sleepy", """{"sleep":true}""");
        var after = await InvokeAsync(service, "sleepy");

        Assert.NotNull(result.Error);
        Assert.Equal("Sandbox.Timedout", result.Error.ErrorType);
        Assert.Equal($"RequestId: {result.RequestId} Error: Task timed out after 1.00 seconds", result.Error.ErrorMessage);
        Assert.Equal($$"""{"errorMessage":"RequestId: {{result.RequestId}} Error: Task timed out after 1.00 seconds","errorType":"Sandbox.Timedout"}""", System.Text.Encoding.UTF8.GetString(result.Payload));
        Assert.Contains($"sleeping in {Json(warm).GetProperty("pid").GetInt32()}\n", result.Logs);
        Assert.Matches($@"\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{{3}}Z {result.RequestId} Task timed out after 1.00 seconds\nEND RequestId", result.Logs);
        Assert.Contains("\tStatus: timeout\n", result.Logs);
        Assert.False(Sandboxes.ProcessTreeProbe.IsRunning(Json(warm).GetProperty("pid").GetInt32()));
        Assert.Null(after.Error);
        Assert.True(after.ColdStart);
        Assert.NotEqual(Json(warm).GetProperty("pid").GetInt32(), Json(after).GetProperty("pid").GetInt32());
    }

    public void Dispose() => functions.Dispose();
}
