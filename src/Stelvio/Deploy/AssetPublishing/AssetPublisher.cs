using Stelvio.Assets;

namespace Stelvio.Deploy.AssetPublishing;

/// <summary>What happened to one function asset during a deploy.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Uploaded">Whether it was built and uploaded now; false when the bucket already had it.</param>
/// <param name="Size">The zip's size in bytes, when built now.</param>
internal sealed record AssetUpload(FunctionAsset Asset, bool Uploaded, long? Size);

/// <summary>
/// Puts function zips in the asset bucket under their content-hash key. The key names the sources and
/// build options, so an object that exists (S3 <c>HeadObject</c>) is the right one: it is neither rebuilt
/// nor uploaded again. Absent ones are built through <see cref="IAssetBuilder"/> and uploaded.
/// </summary>
internal sealed class AssetPublisher(IAssetBuilder builder, IAssetStore store)
{
    public async Task<IReadOnlyList<AssetUpload>> PublishAsync(string bucket, IReadOnlyList<FunctionAsset> assets, Action<AssetUpload>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assets);
        var results = new List<AssetUpload>(assets.Count);
        foreach (var asset in assets)
        {
            AssetUpload result;
            if (await store.ExistsAsync(bucket, asset.S3Key, cancellationToken))
            {
                result = new AssetUpload(asset, Uploaded: false, Size: null);
            }
            else
            {
                var built = await builder.BuildAsync(asset, cancellationToken);
                await store.PutFileAsync(bucket, asset.S3Key, built.ZipPath, cancellationToken);
                result = new AssetUpload(asset, Uploaded: true, built.Size);
            }

            results.Add(result);
            progress?.Invoke(result);
        }

        return results;
    }
}
