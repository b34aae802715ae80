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
    /// <param name="bucket">The asset bucket.</param>
    /// <param name="assets">The function assets of the template.</param>
    /// <param name="progress">Told about each asset once it is in the bucket.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <param name="step">Runs each long step (a build, an upload) given its description, to show it and its duration. Default: runs it.</param>
    /// <param name="label">Describes an asset in step descriptions (the functions built from it). Default: its source folder.</param>
    public async Task<IReadOnlyList<AssetUpload>> PublishAsync(
        string bucket,
        IReadOnlyList<FunctionAsset> assets,
        Action<AssetUpload>? progress,
        CancellationToken cancellationToken,
        Func<string, Func<Task>, Task>? step = null,
        Func<FunctionAsset, string>? label = null)
    {
        ArgumentNullException.ThrowIfNull(assets);
        step ??= (_, work) => work();
        label ??= asset => asset.SourceDirectory;
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
                BuiltAsset? built = null;
                var kind = asset.Kind == AssetKind.DotnetProject ? (asset.NativeAot ? "C#, Native AOT" : "C#, self-contained") : "Python";
                await step($"Building {label(asset)} ({kind}, {asset.Architecture})", async () => built = await builder.BuildAsync(asset, cancellationToken));
                var size = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{built!.Size:N0} bytes");
                await step($"Uploading {asset.S3Key} ({size})", () => store.PutFileAsync(bucket, asset.S3Key, built.ZipPath, cancellationToken));
                result = new AssetUpload(asset, Uploaded: true, built.Size);
            }

            results.Add(result);
            progress?.Invoke(result);
        }

        return results;
    }
}
