using System.Text;
using Stelvio.LocalCloud.Lambda;
using static Stelvio.LocalCloud.Tests.Lambda.LambdaTestFunctions;

namespace Stelvio.LocalCloud.Tests.Lambda;

/// <summary>
/// provided.al2023 functions run their <c>bootstrap</c>: here the test function binary built on Stelvio.Lambda
/// (tests/Stelvio.LocalCloud.Tests.Functions), its runtime loop unchanged, against the local Runtime API.
/// </summary>
public sealed class CSharpFunctionTests
{
    private static readonly Dictionary<string, FunctionCode> Code = new() { ["csharp.zip"] = new FunctionCode(CSharpDirectory) };

    [Fact]
    public async Task Invoke_RunsTheBootstrap_WithLambdasEnvironmentAndContext()
    {
        var function = Function("shop-echo", runtime: "provided.al2023", handler: "functions/Test::TestHandlers.Echo", memory: 512,
            environment: new Dictionary<string, string> { ["TABLE_NAME"] = "shop-orders" }, codeKey: "csharp.zip");
        await using var service = Service([function], Code);

        var first = await InvokeAsync(service, "shop-echo", """{"id":"o-7"}""");
        var second = await InvokeAsync(service, "shop-echo", """{"id":"o-8"}""");

        Assert.Null(first.Error);
        var json = Json(first);
        Assert.Equal("o-7", json.GetProperty("event").GetProperty("id").GetString());
        Assert.Equal(first.RequestId, json.GetProperty("requestId").GetString());
        Assert.Equal("shop-echo", json.GetProperty("functionName").GetString());
        Assert.Equal("$LATEST", json.GetProperty("functionVersion").GetString());
        Assert.Equal(512, json.GetProperty("memory").GetInt32());
        Assert.Equal(function.Arn, json.GetProperty("arn").GetString());
        Assert.InRange(json.GetProperty("remainingMs").GetInt64(), 1, 3000);
        Assert.Equal("us-east-1", json.GetProperty("region").GetString());
        Assert.Equal("shop-orders", json.GetProperty("table").GetString());
        Assert.Contains($"\t{first.RequestId}\tINFO\techo {{\"id\":\"o-7\"}}", first.Logs);
        Assert.True(first.ColdStart);
        Assert.NotNull(first.InitDuration);
        Assert.False(second.ColdStart);
        Assert.Equal(json.GetProperty("pid").GetInt32(), Json(second).GetProperty("pid").GetInt32());
    }

    [Fact]
    public async Task Invoke_WhenTheHandlerThrows_ReportsTheExceptionAsTheFunctionError()
    {
        await using var service = Service([Function("shop-fail", runtime: "provided.al2023", handler: "TestHandlers.Fail", codeKey: "csharp.zip")], Code);

        var result = await InvokeAsync(service, "shop-fail", """{"id":"o-9"}""");

        Assert.NotNull(result.Error);
        Assert.Equal("System.InvalidOperationException", result.Error.ErrorType);
        Assert.Equal("Order o-9 is not valid.", result.Error.ErrorMessage);
        Assert.Contains(result.Error.StackTrace, frame => frame.Contains("TestHandlers.Fail", StringComparison.Ordinal));
        Assert.Contains("TestHandlers.Fail failed", result.Logs);
    }

    [Fact]
    public async Task Invoke_WithAnUnknownHandler_ReportsTheInitError()
    {
        await using var service = Service([Function("shop-missing", runtime: "provided.al2023", handler: "TestHandlers.Missing", codeKey: "csharp.zip")], Code);

        var result = await InvokeAsync(service, "shop-missing");

        Assert.NotNull(result.Error);
        Assert.Equal("Runtime.HandlerNotFound", result.Error.ErrorType);
        Assert.Contains("Registered handlers: TestHandlers.Echo, TestHandlers.Fail, TestHandlers.Hang, TestHandlers.Crash.", result.Error.ErrorMessage);
        Assert.Contains("Init failed: Runtime.HandlerNotFound", result.Logs);
    }

    [Fact]
    public async Task Invoke_WhenTheProcessDies_ReportsAnExitError_AndStartsANewProcess()
    {
        var functions = new[]
        {
            Function("shop-crash", runtime: "provided.al2023", handler: "TestHandlers.Crash", codeKey: "csharp.zip"),
        };
        await using var service = Service(functions, Code);

        var crashed = await InvokeAsync(service, "shop-crash");
        var again = await InvokeAsync(service, "shop-crash");

        Assert.NotNull(crashed.Error);
        Assert.Equal("Runtime.ExitError", crashed.Error.ErrorType);
        Assert.Equal($"RequestId: {crashed.RequestId} Error: Runtime exited with error: signal: killed", crashed.Error.ErrorMessage);
        Assert.Contains("crashing now\n", crashed.Logs);
        Assert.Contains($"RequestId: {crashed.RequestId} Error: Runtime exited with error: signal: killed\nRuntime.ExitError\nEND RequestId: {crashed.RequestId}\n", crashed.Logs);
        Assert.Contains("\tStatus: error\tError Type: Runtime.ExitError\n", crashed.Logs);
        Assert.True(again.ColdStart);
        Assert.Equal("Runtime.ExitError", again.Error?.ErrorType);
    }

    [Fact]
    public async Task Invoke_WithoutABootstrap_ReportsLambdasMissingBootstrapError()
    {
        var empty = Directory.CreateTempSubdirectory("stelvio-lambda-empty-");
        try
        {
            await using var service = Service(
                [Function("shop-empty", runtime: "provided.al2023", handler: "TestHandlers.Echo")],
                new Dictionary<string, FunctionCode> { ["shop-empty.zip"] = new FunctionCode(empty.FullName) });

            var result = await InvokeAsync(service, "shop-empty");

            Assert.Equal("Runtime.ExitError", result.Error?.ErrorType);
            Assert.Equal($"RequestId: {result.RequestId} Error: Couldn't find valid bootstrap(s): [{Path.Combine(empty.FullName, "bootstrap")}]", result.Error?.ErrorMessage);
            Assert.Equal($$"""{"errorMessage":"{{result.Error?.ErrorMessage}}","errorType":"Runtime.ExitError"}""", Encoding.UTF8.GetString(result.Payload));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
