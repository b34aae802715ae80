using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Stelvio.LocalCloud.Gateway;

/// <summary>
/// The local cloud's one HTTP endpoint, on loopback: DynamoDB, DynamoDB Streams and Lambda's Invoke, with IAM enforced
/// for calls signed with a function's credentials (<see cref="GatewayHandler"/>). Disposing stops it (not the engine).
/// </summary>
internal sealed class LocalGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalGateway(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The endpoint, e.g. <c>http://127.0.0.1:54321/</c>: every SDK's endpoint URL for DynamoDB, DynamoDB Streams and Lambda.</summary>
    public Uri Endpoint { get; }

    /// <summary>Starts serving once Kestrel accepts connections.</summary>
    public static async Task<LocalGateway> StartAsync(GatewayOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 32 * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        var app = builder.Build();
        app.Run(new GatewayHandler(options).HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalGateway(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
