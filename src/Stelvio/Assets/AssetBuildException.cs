namespace Stelvio.Assets;

/// <summary>
/// Building a function's code failed (for example <c>dotnet publish</c> did not compile it). The message
/// names the asset and the command and ends with the last lines of the command's output.
/// </summary>
internal sealed class AssetBuildException(FunctionAsset asset, string message, string outputTail) : Exception(
    outputTail.Length == 0 ? message : $"{message}{Environment.NewLine}{outputTail}")
{
    /// <summary>The asset that failed to build.</summary>
    public FunctionAsset Asset { get; } = asset;

    /// <summary>The last lines of the build command's output.</summary>
    public string OutputTail { get; } = outputTail;
}
