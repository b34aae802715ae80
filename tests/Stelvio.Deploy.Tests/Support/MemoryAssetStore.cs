using System.Collections.Concurrent;
using Stelvio.Deploy.AssetPublishing;

namespace Stelvio.Deploy.Tests.Support;

/// <summary>An asset bucket in memory, for tests that run against the CloudFormation stand-in.</summary>
public sealed class MemoryAssetStore : IAssetStore
{
    public ConcurrentDictionary<string, byte[]> Objects { get; } = new(StringComparer.Ordinal);

    public List<string> Heads { get; } = [];

    /// <summary>Buckets that exist though they hold no object yet (a bucket whose bootstrap stack was deleted).</summary>
    public HashSet<string> Buckets { get; } = new(StringComparer.Ordinal);

    public Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken) =>
        Task.FromResult(Buckets.Contains(bucket) || Objects.Keys.Any(k => k.StartsWith(bucket + "/", StringComparison.Ordinal)));

    public Task<bool> ExistsAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        Heads.Add($"{bucket}/{key}");
        return Task.FromResult(Objects.ContainsKey($"{bucket}/{key}"));
    }

    public Task PutFileAsync(string bucket, string key, string path, CancellationToken cancellationToken)
    {
        Objects[$"{bucket}/{key}"] = File.ReadAllBytes(path);
        return Task.CompletedTask;
    }

    public Task PutBytesAsync(string bucket, string key, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        Objects[$"{bucket}/{key}"] = content;
        return Task.CompletedTask;
    }

    public string UrlFor(string bucket, string key) => $"https://{bucket}.s3.us-east-1.amazonaws.com/{key}";
}
