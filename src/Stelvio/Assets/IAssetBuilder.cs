namespace Stelvio.Assets;

/// <summary>Builds the deployment zip of a function asset, or returns the cached one.</summary>
internal interface IAssetBuilder
{
    /// <summary>Returns the path of the asset's zip, building it only when no zip for <see cref="FunctionAsset.Hash"/> is cached.</summary>
    Task<BuiltAsset> BuildAsync(FunctionAsset asset, CancellationToken cancellationToken);
}

/// <summary>A built asset: the zip, its size, its SHA-256 and whether it came from the cache.</summary>
internal sealed record BuiltAsset(FunctionAsset Asset, string ZipPath, long Size, string ZipSha256, bool FromCache);
