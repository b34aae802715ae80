namespace Stelvio.Deploy.AssetPublishing;

/// <summary>Where assets and large templates are uploaded: the stage's asset bucket.</summary>
internal interface IAssetStore
{
    /// <summary>Whether the bucket exists and is reachable with these credentials (S3 <c>HeadBucket</c>).</summary>
    Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken);

    /// <summary>Whether the object exists (S3 <c>HeadObject</c>).</summary>
    Task<bool> ExistsAsync(string bucket, string key, CancellationToken cancellationToken);

    /// <summary>Uploads a file (S3 <c>PutObject</c>).</summary>
    Task PutFileAsync(string bucket, string key, string path, CancellationToken cancellationToken);

    /// <summary>Uploads bytes (S3 <c>PutObject</c>).</summary>
    Task PutBytesAsync(string bucket, string key, byte[] content, string contentType, CancellationToken cancellationToken);

    /// <summary>The HTTPS URL CloudFormation reads an object from (<c>TemplateURL</c>).</summary>
    string UrlFor(string bucket, string key);
}
