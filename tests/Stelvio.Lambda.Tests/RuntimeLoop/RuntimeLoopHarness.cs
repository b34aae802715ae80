using Stelvio.Lambda.Client;
using Stelvio.Lambda.Handlers;
using Stelvio.Lambda.RuntimeLoop;
using Stelvio.Lambda.Tests.Support;

namespace Stelvio.Lambda.Tests.RuntimeLoop;

/// <summary>A <see cref="LambdaRuntimeLoop"/> talking HTTP to a <see cref="FakeRuntimeApi"/>, with captured output.</summary>
internal sealed class RuntimeLoopHarness : IAsyncDisposable
{
    private readonly RuntimeApiClient client;

    private RuntimeLoopHarness(FakeRuntimeApi api, Action<HandlerRegistry> configure, string? handler, Dictionary<string, string?>? variables)
    {
        Api = api;
        Environment = new TestEnvironment(new Dictionary<string, string?>
        {
            ["_HANDLER"] = handler,
            ["AWS_LAMBDA_RUNTIME_API"] = api.Address,
            ["AWS_LAMBDA_FUNCTION_NAME"] = "shop-test-orders-process-orders",
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/shop-test-orders-process-orders",
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2024/11/26/[$LATEST]abc",
        });
        foreach (var (name, value) in variables ?? [])
        {
            Environment.Values[name] = value;
        }

        client = new RuntimeApiClient(api.Address);
        Bootstrap = new LambdaRuntimeLoop(client, configure, Environment, Stdout, Stderr, TimeProvider.System);
    }

    public FakeRuntimeApi Api { get; }

    public TestEnvironment Environment { get; }

    public StringWriter Stdout { get; } = new();

    public StringWriter Stderr { get; } = new();

    public LambdaRuntimeLoop Bootstrap { get; }

    public static async Task<RuntimeLoopHarness> StartAsync(Action<HandlerRegistry> configure, string? handler, Dictionary<string, string?>? variables = null) =>
        new(await FakeRuntimeApi.StartAsync(), configure, handler, variables);

    /// <summary>Inits (asserting success), queues <paramref name="body"/>, runs one iteration and returns what the function posted.</summary>
    public async Task<FakeOutcome> InvokeAsync(string body, DateTimeOffset? deadline = null, string? traceId = null)
    {
        if (Bootstrap.HandlerName is null)
        {
            Assert.True(await Bootstrap.InitializeAsync(CancellationToken.None), $"Init failed: {Stderr}");
        }

        var id = Api.Enqueue(body, deadline, traceId);
        await Bootstrap.InvokeOnceAsync(CancellationToken.None);
        return await Api.OutcomeAsync(id);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await Api.DisposeAsync();
    }
}
