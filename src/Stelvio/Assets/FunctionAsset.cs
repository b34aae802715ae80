using System.Text;

namespace Stelvio.Assets;

/// <summary>How a function's code is turned into a deployment zip.</summary>
internal enum AssetKind
{
    /// <summary>A C# project folder, published self-contained for Linux as an executable named <c>bootstrap</c> (<c>provided.al2023</c>).</summary>
    DotnetProject,

    /// <summary>A folder of Python sources, zipped as they are.</summary>
    PythonSource,
}

/// <summary>A function built from an asset: its display name (<c>Function 'get-order'</c>), its handler as declared, and the part Lambda runs (<c>OrderHandlers.GetOrder</c>).</summary>
internal sealed record AssetHandler(string Function, string Handler, string Name);

/// <summary>
/// The code of one function, as synth sees it: where its sources are, how to build them, and the hash
/// that names the zip. The hash covers the sources and the build options, so it changes exactly when
/// the zip would; the zip is uploaded as <see cref="S3Key"/> in the stage's asset bucket. For a C# project it
/// also covers the handler names of the functions built from it, which the build checks the program registers:
/// a zip in the cache or the bucket was checked against exactly these handlers.
/// </summary>
internal sealed record FunctionAsset(AssetKind Kind, string SourceDirectory, string Architecture, bool NativeAot, string Hash)
{
    /// <summary>The object key of the zip in the asset bucket.</summary>
    public string S3Key => $"assets/{Hash}.zip";

    /// <summary>The files synth generates into the folder (file name → content): the functions' typed access files, which the zip holds.</summary>
    public IReadOnlyDictionary<string, string> GeneratedFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>The handlers of the functions built from this asset, which a C# build checks the program registers.</summary>
    public IReadOnlyList<AssetHandler> Handlers { get; init; } = [];

    /// <summary>Equal when the same code, built the same way, for the same functions (the collections compared by content).</summary>
    public bool Equals(FunctionAsset? other) =>
        other is not null && Kind == other.Kind && SourceDirectory == other.SourceDirectory && Architecture == other.Architecture &&
        NativeAot == other.NativeAot && Hash == other.Hash && Handlers.SequenceEqual(other.Handlers) &&
        GeneratedFiles.OrderBy(f => f.Key, StringComparer.Ordinal).SequenceEqual(other.GeneratedFiles.OrderBy(f => f.Key, StringComparer.Ordinal));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, SourceDirectory, Architecture, NativeAot, Hash);

    /// <summary>
    /// Computes the asset for a source folder and build options; <paramref name="generated"/> is what synth generates
    /// into the folder (file name → content), <paramref name="handlers"/> the functions built from it.
    /// </summary>
    public static FunctionAsset For(AssetKind kind, string sourceDirectory, string architecture, bool nativeAot, IReadOnlyDictionary<string, string>? generated = null, IReadOnlyList<AssetHandler>? handlers = null)
    {
        generated ??= new Dictionary<string, string>();
        handlers ??= [];
        var salt = $"{kind}|{architecture}|aot={nativeAot}";
        if (kind == AssetKind.DotnetProject && handlers.Count > 0)
        {
            salt += "|handlers=" + string.Join(',', handlers.Select(h => h.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        }

        var content = new StringBuilder();
        foreach (var (name, text) in generated.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            content.Append(name).Append('\n').Append(text);
        }

        return new(kind, Path.GetFullPath(sourceDirectory), architecture, nativeAot, SourceHash.Compute(kind, sourceDirectory, salt, content.ToString()))
        {
            GeneratedFiles = generated,
            Handlers = handlers,
        };
    }
}
