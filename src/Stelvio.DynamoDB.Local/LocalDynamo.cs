using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stelvio.DynamoDB.Local.Protocol;

namespace Stelvio.DynamoDB.Local;

/// <summary>
/// A DynamoDB- and DynamoDB Streams-compatible endpoint on loopback:
/// <code>await using var db = await LocalDynamo.StartAsync();
/// var client = new AmazonDynamoDBClient(new BasicAWSCredentials("x", "x"), new AmazonDynamoDBConfig { ServiceURL = db.Endpoint.ToString() });</code>
/// Disposing stops it. <see cref="Engine"/> is the same engine in-process.
/// </summary>
public sealed class LocalDynamo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _ownsEngine;

    private LocalDynamo(WebApplication app, DynamoEngine engine, Uri endpoint)
    {
        _app = app;
        Engine = engine;
        Endpoint = endpoint;
    }

    /// <summary>The HTTP endpoint, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri Endpoint { get; }

    public DynamoEngine Engine { get; }

    /// <summary>Starts an engine with <paramref name="options"/> and serves it once it accepts connections (disposing stops both).</summary>
    public static async Task<LocalDynamo> StartAsync(LocalDynamoOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalDynamoOptions();
        var engine = new DynamoEngine(options);
        try
        {
            var server = await StartAsync(engine, options.Port, cancellationToken).ConfigureAwait(false);
            server._ownsEngine = true;
            return server;
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    /// <summary>Serves an existing engine (e.g. one persistence restored) on <paramref name="port"/> (0: a free one).</summary>
    public static async Task<LocalDynamo> StartAsync(DynamoEngine engine, int port, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 32 * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        var app = builder.Build();
        var endpoint = new HttpEndpoint(engine);
        app.Run(endpoint.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        engine.TimeToLive.Start();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return new LocalDynamo(app, engine, uri);
    }

    public async ValueTask DisposeAsync()
    {
        Engine.TimeToLive.Stop();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        if (_ownsEngine)
        {
            Engine.Dispose();
        }
    }
}
