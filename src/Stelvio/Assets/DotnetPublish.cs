namespace Stelvio.Assets;

/// <summary>The <c>dotnet publish</c> command of a C# function asset.</summary>
internal static class DotnetPublish
{
    /// <summary>The runtime identifier for a Lambda architecture (<c>x86_64</c> or <c>arm64</c>).</summary>
    public static string RuntimeIdentifier(FunctionAsset asset) => asset.Architecture switch
    {
        "x86_64" => "linux-x64",
        "arm64" => "linux-arm64",
        _ => throw new StelvioConfigException($"Function code '{asset.SourceDirectory}'", "Architecture",
            $"'{asset.Architecture}' is not a Lambda architecture. Use x86_64 or arm64."),
    };

    /// <summary>The one <c>.csproj</c> directly in the asset's folder.</summary>
    public static string FindProject(FunctionAsset asset)
    {
        var component = $"Function code '{asset.SourceDirectory}'";
        if (!Directory.Exists(asset.SourceDirectory))
        {
            throw new StelvioConfigException(component, null, "The folder does not exist.");
        }

        var projects = Directory.GetFiles(asset.SourceDirectory, "*.csproj").Order(StringComparer.Ordinal).ToArray();
        return projects.Length switch
        {
            1 => projects[0],
            0 => throw new StelvioConfigException(component, null,
                "The folder holds no .csproj. A C# handler's folder holds one console project that references Stelvio.Lambda."),
            _ => throw new StelvioConfigException(component, null,
                $"The folder holds {projects.Length} projects ({string.Join(", ", projects.Select(Path.GetFileName))}); keep one .csproj per function folder."),
        };
    }

    public static ProcessCommand Command(FunctionAsset asset, string project, string output) => new(
        AssetBuilderProcess.Dotnet,
        [
            "publish", project,
            "-c", "Release",
            "-r", RuntimeIdentifier(asset),
            "--self-contained",
            $"-p:PublishAot={(asset.NativeAot ? "true" : "false")}",
            "-o", output,
            "-nodeReuse:false",
            "-getProperty:TargetName",
        ],
        asset.SourceDirectory);

    /// <summary>
    /// The <c>dotnet publish</c> command of a local build (the local cloud): for the host's runtime identifier,
    /// framework-dependent for the JIT or self-contained with Native AOT, with its own intermediate and output folders
    /// (<paramref name="artifacts"/>), so it never shares <c>obj</c> with the deploy's publish or an IDE's build.
    /// </summary>
    public static ProcessCommand LocalCommand(FunctionAsset asset, string project, string output, string runtimeIdentifier, bool nativeAot, string artifacts) => new(
        AssetBuilderProcess.Dotnet,
        [
            "publish", project,
            "-c", "Release",
            "-r", runtimeIdentifier,
            nativeAot ? "--self-contained" : "--no-self-contained",
            $"-p:PublishAot={(nativeAot ? "true" : "false")}",
            "-o", output,
            "--artifacts-path", artifacts,
            "-nodeReuse:false",
            "-getProperty:TargetName",
        ],
        asset.SourceDirectory);
}
