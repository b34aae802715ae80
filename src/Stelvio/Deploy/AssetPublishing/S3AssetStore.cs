using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Stelvio.Deploy.Aws;

namespace Stelvio.Deploy.AssetPublishing;

/// <summary>
/// The asset bucket through AWSSDK.S3. A custom endpoint (<c>AWS_ENDPOINT_URL_S3</c> or <c>AWS_ENDPOINT_URL</c>)
/// is addressed path-style, as emulators expect; AWS is addressed virtual-hosted style. Every call, with the SDK's
/// retries, must be answered within the request timeout (<c>--timeout</c>, <c>STELVIO_AWS_TIMEOUT</c>; an upload gets
/// one more second per MB it sends), or it fails naming S3, the action and the timeout, as CloudFormation calls do.
/// </summary>
internal sealed class S3AssetStore : IAssetStore, IDisposable
{
    /// <summary>The time an upload gets on top of the request timeout for each MB (10^6 bytes) it sends.</summary>
    public static readonly TimeSpan UploadTimePerMegabyte = TimeSpan.FromSeconds(1);

    private readonly AmazonS3Client client;
    private readonly AwsSession session;
    private readonly TimeSpan timeout;

    /// <param name="session">The account, region, credentials and endpoints.</param>
    /// <param name="timeout">How long a call may go unanswered. Default: 30 s (<see cref="DeployServices.RequestTimeout"/>).</param>
    public S3AssetStore(AwsSession session, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        this.session = session;
        this.timeout = timeout ?? DeployServices.Default.RequestTimeout;
        var endpoint = session.Endpoints.S3;
        // The deadline of each call (below) bounds it, the SDK's retries included; the SDK's own per-attempt timeout would cut uploads short.
        var config = new AmazonS3Config { RegionEndpoint = RegionEndpoint.GetBySystemName(session.Region), Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        if (endpoint.IsCustom)
        {
            config.ServiceURL = endpoint.Url.ToString();
            config.AuthenticationRegion = session.Region;
            config.ForcePathStyle = true;
        }

        client = new AmazonS3Client(session.SdkCredentials, config);
    }

    public async Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken)
    {
        try
        {
            await Guard(token => client.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, token), "HeadBucket", bucket, "", 0, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<bool> ExistsAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            await Guard(token => client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, token), "HeadObject", bucket, key, 0, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public Task PutFileAsync(string bucket, string key, string path, CancellationToken cancellationToken) =>
        Guard(token => client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = path, ContentType = "application/zip" }, token), "PutObject", bucket, key, new FileInfo(path).Length, cancellationToken);

    public Task PutBytesAsync(string bucket, string key, byte[] content, string contentType, CancellationToken cancellationToken) =>
        Guard(token => client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(content), ContentType = contentType }, token), "PutObject", bucket, key, content.Length, cancellationToken);

    public string UrlFor(string bucket, string key)
    {
        var endpoint = session.Endpoints.S3;
        var escapedKey = string.Join('/', key.Split('/').Select(SigV4.UriEncode));
        return endpoint.IsCustom
            ? $"{endpoint.Url.GetLeftPart(UriPartial.Authority)}/{bucket}/{escapedKey}"
            : $"https://{bucket}.s3.{session.Region}.{AwsEndpoints.DnsSuffix(session.Region)}/{escapedKey}";
    }

    public void Dispose() => client.Dispose();

    /// <summary>How long a call sending <paramref name="bytes"/> may take: the request timeout, plus <see cref="UploadTimePerMegabyte"/> per MB.</summary>
    internal TimeSpan TimeoutFor(long bytes) => timeout + (UploadTimePerMegabyte * (bytes / 1_000_000.0));

    private async Task Guard(Func<CancellationToken, Task> call, string action, string bucket, string key, long bytes, CancellationToken cancellationToken)
    {
        var limit = TimeoutFor(bytes);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            await call(deadline.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            var endpoint = session.Endpoints.S3;
            var hint = endpoint.IsCustom ? $" Is the endpoint running? It comes from {endpoint.Source}; unset it to use AWS." : "";
            throw new DeployException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Cannot reach s3 at {endpoint.Url} (no answer to {action} within {limit.TotalSeconds:0.#} s; set --timeout or STELVIO_AWS_TIMEOUT to wait longer).{hint}"), exception);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode != HttpStatusCode.NotFound || action is not ("HeadObject" or "HeadBucket"))
        {
            throw AwsErrors.ForS3(exception, action, bucket, key, session);
        }
        catch (AmazonClientException exception)
        {
            throw AwsSessionResolver.CredentialProblem(exception, session.Profile, session.CredentialSource);
        }
        catch (HttpRequestException exception)
        {
            throw new DeployException($"Cannot reach S3 at {session.Endpoints.S3.Url} ({exception.Message}). " + (session.Endpoints.S3.IsCustom ? $"Is the endpoint running? It comes from {session.Endpoints.S3.Source}." : "Check your network connection."), exception);
        }
    }

    private async Task<T> Guard<T>(Func<CancellationToken, Task<T>> call, string action, string bucket, string key, long bytes, CancellationToken cancellationToken)
    {
        var result = default(T)!;
        await Guard(async token => { result = await call(token); }, action, bucket, key, bytes, cancellationToken);
        return result;
    }
}
