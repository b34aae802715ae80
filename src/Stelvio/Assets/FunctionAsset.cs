namespace Stelvio.Assets;

/// <summary>How a function's code is turned into a deployment zip.</summary>
internal enum AssetKind
{
    /// <summary>A C# project folder, published self-contained for Linux as an executable named <c>bootstrap</c> (<c>provided.al2023</c>).</summary>
    DotnetProject,

    /// <summary>A folder of Python sources, zipped as they are.</summary>
    PythonSource,
}

/// <summary>
/// The code of one function, as synth sees it: where its sources are, how to build them, and the hash
/// that names the zip. The hash covers the sources and the build options, so it changes exactly when
/// the zip would; the zip is uploaded as <see cref="S3Key"/> in the stage's asset bucket.
/// </summary>
internal sealed record FunctionAsset(AssetKind Kind, string SourceDirectory, string Architecture, bool NativeAot, string Hash)
{
    /// <summary>The object key of the zip in the asset bucket.</summary>
    public string S3Key => $"assets/{Hash}.zip";

    /// <summary>
    /// Computes the asset for a source folder and build options; <paramref name="generated"/> is the content
    /// synth generates into the folder (the typed access file), which the zip will hold.
    /// </summary>
    public static FunctionAsset For(AssetKind kind, string sourceDirectory, string architecture, bool nativeAot, string? generated = null) =>
        new(kind, Path.GetFullPath(sourceDirectory), architecture, nativeAot, SourceHash.Compute(kind, sourceDirectory, $"{kind}|{architecture}|aot={nativeAot}", generated));
}
