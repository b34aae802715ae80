using Stelvio.Deploy.AssetPublishing;
using Stelvio.Deploy.Aws;
using Stelvio.Deploy.CloudFormationApi;

namespace Stelvio.Deploy;

/// <summary>An AWS account and region, connected: the session, the clients, and who the credentials belong to.</summary>
internal sealed class DeployTarget : IDisposable
{
    private readonly HttpClient http;
    private IAssetStore? store;

    private DeployTarget(AwsSession session, DeployServices services, HttpClient http)
    {
        Session = session;
        Services = services;
        this.http = http;
        var cloudFormation = new AwsQueryClient(http, session.Endpoints.CloudFormation, "cloudformation", session.Region, CloudFormationClient.ApiVersion, session, services.Retry, services.Time);
        CloudFormation = new CloudFormationClient(cloudFormation);
        Sts = new StsClient(new AwsQueryClient(http, session.Endpoints.Sts, "sts", session.Region, StsClient.ApiVersion, session, services.Retry, services.Time));
    }

    public AwsSession Session { get; }

    public DeployServices Services { get; }

    public CloudFormationClient CloudFormation { get; }

    public StsClient Sts { get; }

    /// <summary>Who the credentials belong to; set by <see cref="ConnectAsync"/>.</summary>
    public CallerIdentity Identity { get; private set; } = new("", "", "");

    /// <summary>The asset bucket of this account and region.</summary>
    public string AssetBucket => Stelvio.Assets.AssetBucket.NameFor(Identity.Account, Session.Region);

    /// <summary>The store assets and large templates are uploaded to.</summary>
    public IAssetStore Store => store ??= Services.AssetStore?.Invoke(Session) ?? new S3AssetStore(Session, Services.RequestTimeout);

    /// <summary>
    /// Resolves credentials and region and asks STS who they belong to, so that bad credentials fail
    /// first, with one clear line.
    /// </summary>
    public static async Task<DeployTarget> ConnectAsync(string? profile, string? region, DeployServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var session = AwsSessionResolver.Resolve(profile, region, services.Environment);
        var http = new HttpClient(services.HttpHandler?.Invoke() ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true)
        {
            Timeout = services.RequestTimeout,
        };
        var target = new DeployTarget(session, services, http);
        try
        {
            target.Identity = await target.Sts.GetCallerIdentityAsync(cancellationToken);
        }
        catch (AwsServiceException exception)
        {
            target.Dispose();
            throw AwsErrors.Describe(exception, session);
        }
        catch
        {
            target.Dispose();
            throw;
        }

        return target;
    }

    public void Dispose()
    {
        (store as IDisposable)?.Dispose();
        http.Dispose();
    }
}
