using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Stelvio.Lambda.Tests.Support;

/// <summary>An event waiting for the function, with the headers Lambda sends along.</summary>
public sealed record FakeInvocation(string RequestId, string Body, DateTimeOffset Deadline, string FunctionArn, string? TraceId);

/// <summary>What the function posted for an invocation (or for init): the body, and whether it was an error.</summary>
public sealed record FakeOutcome(string RequestId, bool IsError, string Body, string? ErrorTypeHeader);

/// <summary>
/// A Lambda Runtime API (2018-06-01) on 127.0.0.1 and a free port: queue events with <see cref="Enqueue"/>,
/// point a bootstrap at <see cref="Address"/> (the value of <c>AWS_LAMBDA_RUNTIME_API</c>), then await
/// <see cref="OutcomeAsync"/> or <see cref="InitError"/>.
/// </summary>
public sealed class FakeRuntimeApi : IAsyncDisposable
{
    public const string DefaultArn = "arn:aws:lambda:us-east-1:123456789012:function:shop-test-orders-process-orders";

    private readonly WebApplication app;
    private readonly Channel<FakeInvocation> pending = Channel.CreateUnbounded<FakeInvocation>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<FakeOutcome>> outcomes = new();
    private readonly TaskCompletionSource<FakeOutcome> initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<long> firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int sequence;

    private FakeRuntimeApi(WebApplication app) => this.app = app;

    /// <summary><c>host:port</c>, as <c>AWS_LAMBDA_RUNTIME_API</c> holds it.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Bytes of the largest response accepted; a larger one is answered 413, as Lambda does past 6 MB. Default: no limit.</summary>
    public int ResponseLimit { get; set; } = int.MaxValue;

    /// <summary>The first init error posted.</summary>
    public Task<FakeOutcome> InitError => initError.Task;

    /// <summary>Completes with the <see cref="Stopwatch"/> timestamp of the first <c>GET /next</c>: the function finished init.</summary>
    public Task<long> FirstNextRequest => firstNext.Task;

    public static async Task<FakeRuntimeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var web = builder.Build();
        var api = new FakeRuntimeApi(web);
        api.Map(web);
        await web.StartAsync();
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        api.Address = new Uri(address).Authority;
        return api;
    }

    /// <summary>Queues an event; returns its request id.</summary>
    public string Enqueue(string body, DateTimeOffset? deadline = null, string? traceId = null, string functionArn = DefaultArn)
    {
        var id = $"req-{Interlocked.Increment(ref sequence):D4}";
        outcomes.TryAdd(id, new TaskCompletionSource<FakeOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        pending.Writer.TryWrite(new FakeInvocation(id, body, deadline ?? DateTimeOffset.UtcNow.AddMinutes(1), functionArn, traceId));
        return id;
    }

    /// <summary>The response or error posted for <paramref name="requestId"/>; fails after 30 s.</summary>
    public Task<FakeOutcome> OutcomeAsync(string requestId) => outcomes[requestId].Task.WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private void Map(WebApplication web)
    {
        web.MapGet("/2018-06-01/runtime/invocation/next", async (HttpContext http) =>
        {
            firstNext.TrySetResult(Stopwatch.GetTimestamp());
            var invocation = await pending.Reader.ReadAsync(http.RequestAborted);
            var headers = http.Response.Headers;
            headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
            headers["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            headers["Lambda-Runtime-Invoked-Function-Arn"] = invocation.FunctionArn;
            if (invocation.TraceId is not null)
            {
                headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
            }

            return Results.Text(invocation.Body, "application/json");
        });
        web.MapPost("/2018-06-01/runtime/invocation/{id}/response", (string id, HttpContext http) => Complete(id, isError: false, http));
        web.MapPost("/2018-06-01/runtime/invocation/{id}/error", (string id, HttpContext http) => Complete(id, isError: true, http));
        web.MapPost("/2018-06-01/runtime/init/error", async (HttpContext http) =>
        {
            initError.TrySetResult(new FakeOutcome("", true, await Body(http), http.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault()));
            return Results.Accepted();
        });
    }

    private async Task<IResult> Complete(string id, bool isError, HttpContext http)
    {
        if (!outcomes.TryGetValue(id, out var outcome))
        {
            return Results.BadRequest(new { errorMessage = $"Unknown request id {id}", errorType = "InvalidRequestID" });
        }

        var body = await Body(http);
        outcome.TrySetResult(new FakeOutcome(id, isError, body, http.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault()));
        return !isError && body.Length > ResponseLimit
            ? Results.Json(new { errorMessage = "Exceeded maximum allowed payload size", errorType = "RequestEntityTooLarge" }, statusCode: 413)
            : Results.Accepted();
    }

    private static async Task<string> Body(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        return await reader.ReadToEndAsync();
    }
}
