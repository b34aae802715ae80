using System.Text.Json;
using Stelvio.Lambda.Tests.Handlers;
using Stelvio.Lambda.Tests.Support;

namespace Stelvio.Lambda.Tests.RuntimeLoop;

public class InitTests
{
    [Fact]
    public async Task UnknownHandler_ReportsAnInitErrorListingTheRegisteredHandlers()
    {
        await using var harness = await RuntimeLoopHarness.StartAsync(h => h.Add(Sample.Process).Add(Sample.Report), "Sample.Missing");

        var exitCode = await harness.Bootstrap.RunAsync(CancellationToken.None);

        Assert.Equal(1, exitCode);
        var error = await harness.Api.InitError.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("Runtime.HandlerNotFound", error.ErrorTypeHeader);
        using var body = JsonDocument.Parse(error.Body);
        Assert.Equal("Runtime.HandlerNotFound", body.RootElement.GetProperty("errorType").GetString());
        Assert.Equal(
            "_HANDLER 'Sample.Missing' matches no registered handler. Registered handlers: Sample.Process, Sample.Report. Register it (h.Add(Sample.Missing)) or fix the function's Handler setting.",
            body.RootElement.GetProperty("errorMessage").GetString());
        Assert.Contains("\t\tERROR\tInit failed: Runtime.HandlerNotFound: _HANDLER 'Sample.Missing'", harness.Stderr.ToString());
    }

    [Fact]
    public async Task MissingHandlerSetting_ReportsAnInitError()
    {
        await using var harness = await RuntimeLoopHarness.StartAsync(h => h.Add(Sample.Process), handler: null);

        Assert.False(await harness.Bootstrap.InitializeAsync(CancellationToken.None));

        var error = await harness.Api.InitError.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("_HANDLER is not set", error.Body);
    }

    [Fact]
    public async Task RegistrationThatThrows_ReportsTheExceptionAsAnInitError()
    {
        await using var harness = await RuntimeLoopHarness.StartAsync(h => h.Add(Sample.Process).Add(Sample.Process), "Sample.Process");

        Assert.False(await harness.Bootstrap.InitializeAsync(CancellationToken.None));

        var error = await harness.Api.InitError.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("System.ArgumentException", error.ErrorTypeHeader);
        Assert.Contains("Handler 'Sample.Process' is registered twice.", error.Body);
    }

    [Fact]
    public async Task LambdaHost_WithoutRuntimeApi_ExplainsItIsABootstrapAndFails()
    {
        var stderr = new StringWriter();

        var exitCode = await LambdaHost.RunAsync(h => h.Add(Sample.Process), new TestEnvironment([]), new StringWriter(), stderr, TimeProvider.System, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            "AWS_LAMBDA_RUNTIME_API is not set. This program is the bootstrap of a Lambda function: Lambda runs it with AWS_LAMBDA_RUNTIME_API=host:port and _HANDLER=Type.Method.",
            stderr.ToString().Trim());
    }

    [Fact]
    public async Task LambdaHost_ServesFromTheRuntimeApiInTheEnvironment()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        var environment = new TestEnvironment(new() { ["AWS_LAMBDA_RUNTIME_API"] = api.Address, ["_HANDLER"] = "Sample.Report" });
        using var stop = new CancellationTokenSource();

        var run = LambdaHost.RunAsync(h => h.Add(Sample.Process).Add(Sample.Report), environment, new StringWriter(), new StringWriter(), TimeProvider.System, stop.Token);
        var outcome = await api.OutcomeAsync(api.Enqueue(Fixtures.Read("dynamodb-insert.json")));
        await stop.CancelAsync();

        Assert.Equal("""{"batchItemFailures":[]}""", outcome.Body);
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task LambdaHost_ListHandlers_PrintsTheRegisteredNamesWithoutTheRuntimeApi()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = await LambdaHost.RunAsync(h => h.Add(Sample.Process).Add(Sample.Report), [LambdaHost.ListHandlersOption], new TestEnvironment([]), stdout, stderr, TimeProvider.System, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Equal("Sample.Process\nSample.Report\n", stdout.ToString());
        Assert.Empty(stderr.ToString());
    }

    [Fact]
    public async Task LambdaHost_ListHandlers_WhenRegisteringFails_SaysWhyAndExits1()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = await LambdaHost.RunAsync(h => h.Add(Sample.Process).Add(Sample.Process), [LambdaHost.ListHandlersOption], new TestEnvironment([]), stdout, stderr, TimeProvider.System, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout.ToString());
        Assert.StartsWith("Registering the handlers failed: System.ArgumentException: Handler 'Sample.Process' is registered twice.", stderr.ToString());
    }
}
