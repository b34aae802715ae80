using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Stelvio.LocalCloud.Lambda.RuntimeApi;

/// <summary>
/// A Lambda Runtime API (version 2018-06-01) on 127.0.0.1 and a port of its own, for one sandbox: the port is the
/// process's <c>AWS_LAMBDA_RUNTIME_API</c>, so every call is known to come from that sandbox's process.
/// </summary>
internal sealed class RuntimeApiServer : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";
    private readonly WebApplication app;

    private RuntimeApiServer(WebApplication app, string address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary><c>127.0.0.1:port</c>, the value of <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; }

    public static async Task<RuntimeApiServer> StartAsync(IRuntimeApiHandler handler, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 4L * RuntimeApiReply.MaxPayloadSize);
        var app = builder.Build();
        Map(app, handler);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RuntimeApiServer(app, new Uri(address).Authority);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await app.StopAsync(stop.Token).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static void Map(WebApplication app, IRuntimeApiHandler handler)
    {
        app.MapGet(Prefix + "/invocation/next", async (HttpContext http) =>
        {
            var next = await handler.NextAsync(http.RequestAborted).ConfigureAwait(false);
            if (next.Invocation is not { } invocation)
            {
                await WriteAsync(http, next.Refusal!).ConfigureAwait(false);
                return;
            }

            var headers = http.Response.Headers;
            headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
            headers["Lambda-Runtime-Deadline-Ms"] = invocation.DeadlineMs.ToString(CultureInfo.InvariantCulture);
            headers["Lambda-Runtime-Invoked-Function-Arn"] = invocation.FunctionArn;
            headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
            http.Response.ContentType = "application/json";
            await http.Response.Body.WriteAsync(invocation.Payload, http.RequestAborted).ConfigureAwait(false);
        });
        app.MapPost(Prefix + "/invocation/{id}/response", async (string id, HttpContext http) =>
            await WriteAsync(http, handler.Respond(id, await ReadAsync(http).ConfigureAwait(false))).ConfigureAwait(false));
        app.MapPost(Prefix + "/invocation/{id}/error", async (string id, HttpContext http) =>
            await WriteAsync(http, handler.ReportError(id, ErrorType(http), await ReadAsync(http).ConfigureAwait(false))).ConfigureAwait(false));
        app.MapPost(Prefix + "/init/error", async (HttpContext http) =>
            await WriteAsync(http, handler.ReportInitError(ErrorType(http), await ReadAsync(http).ConfigureAwait(false))).ConfigureAwait(false));
    }

    private static string? ErrorType(HttpContext http) =>
        http.Request.Headers.TryGetValue("Lambda-Runtime-Function-Error-Type", out var value) ? value.ToString() : null;

    private static async Task<byte[]> ReadAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static Task WriteAsync(HttpContext http, RuntimeApiReply reply)
    {
        http.Response.StatusCode = reply.StatusCode;
        http.Response.ContentType = "application/json";
        return http.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(reply.ToBody(), LambdaJson.Options), http.RequestAborted).AsTask();
    }
}
