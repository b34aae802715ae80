using Stelvio.Assets;
using Stelvio.Deploy.AssetPublishing;
using Stelvio.Deploy.Aws;

namespace Stelvio.Deploy;

/// <summary>
/// What the deploy commands use from outside: the asset builder, the environment variables, timing, and
/// (for tests and benchmarks) the HTTP handler and asset store. <see cref="Default"/> is what a user's
/// program gets.
/// </summary>
internal sealed record DeployServices
{
    /// <summary>The services of a real run.</summary>
    public static DeployServices Default { get; } = new();

    /// <summary>
    /// Builds function zips for an app. Default: <see cref="Stelvio.Assets.AssetBuilder"/> caching zips in the app's
    /// <c>.stelvio/assets</c> folder, so an unchanged function is not rebuilt.
    /// </summary>
    public Func<StelvioApp, IAssetBuilder> AssetBuilder { get; init; } =
        app => new AssetBuilder(Path.Combine(app.ProjectDirectory, ".stelvio", "assets"));

    /// <summary>Reads an environment variable (endpoints, keys, profile, region). Default: the process environment.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>How long to wait between two looks at a stack being changed. Default: 2 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries of throttled and failed AWS calls. Default: <see cref="RetryPolicy.Default"/>.</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>
    /// How long one request to an AWS endpoint may take before it fails, naming the service; a request that timed
    /// out is not sent again. S3 uploads get one more second per MB they send. Default: 30 s (<c>--timeout</c> or
    /// <c>STELVIO_AWS_TIMEOUT</c> change it).
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock. Default: the system's.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The HTTP handler for CloudFormation and STS calls. Default: a new <see cref="SocketsHttpHandler"/>.</summary>
    public Func<HttpMessageHandler>? HttpHandler { get; init; }

    /// <summary>Makes the asset store for a session. Default: <see cref="S3AssetStore"/>.</summary>
    public Func<AwsSession, IAssetStore>? AssetStore { get; init; }
}
