using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Stelvio.Deploy.Aws;

namespace Stelvio.Deploy.AssetPublishing;

/// <summary>
/// The asset bucket through AWSSDK.S3. A custom endpoint (<c>AWS_ENDPOINT_URL_S3</c> or <c>AWS_ENDPOINT_URL</c>)
/// is addressed path-style, as emulators expect; AWS is addressed virtual-hosted style.
/// </summary>
internal sealed class S3AssetStore : IAssetStore, IDisposable
{
    private readonly AmazonS3Client client;
    private readonly AwsSession session;

    public S3AssetStore(AwsSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        this.session = session;
        var endpoint = session.Endpoints.S3;
        var config = new AmazonS3Config { RegionEndpoint = RegionEndpoint.GetBySystemName(session.Region) };
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
            await Guard(() => client.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, cancellationToken), "HeadBucket", bucket, "");
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
            await Guard(() => client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, cancellationToken), "HeadObject", bucket, key);
            return true;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public Task PutFileAsync(string bucket, string key, string path, CancellationToken cancellationToken) =>
        Guard(() => client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = path, ContentType = "application/zip" }, cancellationToken), "PutObject", bucket, key);

    public Task PutBytesAsync(string bucket, string key, byte[] content, string contentType, CancellationToken cancellationToken) =>
        Guard(() => client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(content), ContentType = contentType }, cancellationToken), "PutObject", bucket, key);

    public string UrlFor(string bucket, string key)
    {
        var endpoint = session.Endpoints.S3;
        var escapedKey = string.Join('/', key.Split('/').Select(SigV4.UriEncode));
        return endpoint.IsCustom
            ? $"{endpoint.Url.GetLeftPart(UriPartial.Authority)}/{bucket}/{escapedKey}"
            : $"https://{bucket}.s3.{session.Region}.{AwsEndpoints.DnsSuffix(session.Region)}/{escapedKey}";
    }

    public void Dispose() => client.Dispose();

    private async Task Guard(Func<Task> call, string action, string bucket, string key)
    {
        try
        {
            await call();
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

    private async Task<T> Guard<T>(Func<Task<T>> call, string action, string bucket, string key)
    {
        var result = default(T)!;
        await Guard(async () => { result = await call(); }, action, bucket, key);
        return result;
    }
}
