using System.Text;
using Stelvio.LocalCloud.Lambda;
using Stelvio.LocalCloud.Tests.Lambda.Sandboxes;
using static Stelvio.LocalCloud.Tests.Lambda.LambdaTestFunctions;

namespace Stelvio.LocalCloud.Tests.Lambda;

/// <summary>How a Python function's process can fail: at init, by crashing, by answering too much.</summary>
public sealed class PythonFailureTests : IDisposable
{
    private readonly LambdaTestFunctions functions = new();

    [Fact]
    public async Task Invoke_WhenTheModuleCannotBeImported_ReportsRuntimeImportModuleError()
    {
        await using var service = Single("orders-import", "missing_module.handler", ("app.py", "def handler(event, context):\n    return 1\n"));

        var result = await InvokeAsync(service, "orders-import");

        Assert.Equal("Runtime.ImportModuleError", result.Error?.ErrorType);
        Assert.Equal("Unable to import module 'missing_module': No module named 'missing_module'", result.Error?.ErrorMessage);
        Assert.Equal(
            """{"errorMessage": "Unable to import module 'missing_module': No module named 'missing_module'", "errorType": "Runtime.ImportModuleError", "requestId": "", "stackTrace": []}""",
            Encoding.UTF8.GetString(result.Payload));
        Assert.Contains("[ERROR] Runtime.ImportModuleError: Unable to import module 'missing_module': No module named 'missing_module'\n", result.Logs);
    }

    [Fact]
    public async Task Invoke_WhenTheHandlerIsMissing_ReportsRuntimeHandlerNotFound_OnEveryInvocation()
    {
        await using var service = Single("orders-handler", "app.process", ("app.py", "def handler(event, context):\n    return 1\n"));

        var first = await InvokeAsync(service, "orders-handler");
        var second = await InvokeAsync(service, "orders-handler");

        Assert.Equal("Runtime.HandlerNotFound", first.Error?.ErrorType);
        Assert.Equal("Handler 'process' missing on module 'app'", first.Error?.ErrorMessage);
        Assert.True(second.ColdStart);
        Assert.Equal("Runtime.HandlerNotFound", second.Error?.ErrorType);
    }

    [Fact]
    public async Task Invoke_WhenTheModuleRaisesAtImport_ReportsTheExceptionAsTheInitError()
    {
        await using var service = Single("orders-config", "app.handler", ("app.py", "import os\nTABLE = os.environ['ORDERS_TABLE']\n\ndef handler(event, context):\n    return TABLE\n"));

        var result = await InvokeAsync(service, "orders-config");

        Assert.Equal("KeyError", result.Error?.ErrorType);
        Assert.Equal("'ORDERS_TABLE'", result.Error?.ErrorMessage);
        Assert.Contains(result.Error!.StackTrace, frame => frame.Contains("app.py\", line 2, in <module>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_WhenTheProcessExitsMidInvocation_ReportsRuntimeExitError_WithItsOutput_AndStartsANewProcess()
    {
        await using var service = Single("orders-crash", "app.handler", ("app.py", """
            import os, sys

            def handler(event, context):
                if event.get("crash"):
                    print("giving up on", event["id"], flush=True)
                    sys.stderr.write("fatal: out of luck\n")
                    sys.stderr.flush()
                    os._exit(3)
                return {"pid": os.getpid()}
            """));
        var before = await InvokeAsync(service, "orders-crash");

        var crashed = await InvokeAsync(service, "orders-crash", """{"crash":true,"id":"o-3"}""");
        var after = await InvokeAsync(service, "orders-crash");

        Assert.Equal("Runtime.ExitError", crashed.Error?.ErrorType);
        Assert.Equal($"RequestId: {crashed.RequestId} Error: Runtime exited with error: exit status 3", crashed.Error?.ErrorMessage);
        Assert.Equal($$"""{"errorMessage":"RequestId: {{crashed.RequestId}} Error: Runtime exited with error: exit status 3","errorType":"Runtime.ExitError"}""", Encoding.UTF8.GetString(crashed.Payload));
        Assert.Contains("giving up on o-3\n", crashed.Logs);
        Assert.Contains("fatal: out of luck\n", crashed.Logs);
        Assert.False(crashed.ColdStart);
        Assert.Null(after.Error);
        Assert.True(after.ColdStart);
        Assert.NotEqual(Json(before).GetProperty("pid").GetInt32(), Json(after).GetProperty("pid").GetInt32());
    }

    [Fact]
    public async Task Invoke_WhenTheProcessExitsBeforeAskingForWork_ReportsRuntimeExitError()
    {
        await using var service = Single("orders-exit", "app.handler", ("app.py", "import sys\nprint('no config, leaving')\nsys.exit(2)\n"));

        var result = await InvokeAsync(service, "orders-exit");

        Assert.Equal($"RequestId: {result.RequestId} Error: Runtime exited with error: exit status 2", result.Error?.ErrorMessage);
        Assert.StartsWith("no config, leaving\nSTART RequestId: ", result.Logs);
        Assert.Equal(0, service.ProcessCount("orders-exit"));
    }

    [Fact]
    public async Task Invoke_WithAResponseOverSixMegabytes_FailsWithFunctionResponseSizeTooLarge()
    {
        await using var service = Single("orders-big", "app.handler", ("app.py", "def handler(event, context):\n    return 'x' * (7 * 1024 * 1024)\n"));

        var result = await InvokeAsync(service, "orders-big");
        var again = await InvokeAsync(service, "orders-big");

        Assert.Equal("Function.ResponseSizeTooLarge", result.Error?.ErrorType);
        Assert.Equal("Response payload size (7340034 bytes) exceeded maximum allowed payload size (6291456 bytes).", result.Error?.ErrorMessage);
        Assert.False(again.ColdStart);
        Assert.Contains($"Lambda refused the post to /runtime/invocation/{result.RequestId}/response: HTTP 413 " +
            """{"errorMessage":"Exceeded maximum allowed payload size (6291456 bytes).","errorType":"RequestEntityTooLarge"}""", again.Logs);
    }

    public void Dispose() => functions.Dispose();

    private LambdaService Single(string name, string handler, params (string Name, string Source)[] files) =>
        Service([Function(name, handler: handler)], new Dictionary<string, FunctionCode> { [name + ".zip"] = functions.Code(files) });
}
