using Stelvio.Assets;
using Stelvio.Cli;

namespace Stelvio.Local;

/// <summary>
/// Builds an app's function code for this machine, for the local cloud (<c>dev</c>, <c>invoke</c>, <c>LocalCloud</c>
/// in tests): the same sources the deploy zips, built for the host (<see cref="LocalBuilder"/>), kept under
/// <c>{project}/.stelvio/local/{hash}/</c> and found by the template's <c>Code.S3Key</c>.
/// </summary>
internal static class LocalBuild
{
    /// <summary>Where an app's local builds are kept: <c>{projectDirectory}/.stelvio/local</c>.</summary>
    public static string CacheDirectoryFor(string projectDirectory) => Path.Combine(projectDirectory, ".stelvio", "local");

    /// <summary>Writes the files synth generates (the typed access files) and builds every function's code for this machine.</summary>
    public static Task<LocalBuildResult> BuildAsync(SynthResult synth, IProgress<LocalBuildProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(synth);
        GeneratedFileWriter.Write(synth);
        return Builder(synth).BuildAsync(synth.Assets, synth.FunctionsOf, progress, cancellationToken);
    }

    /// <summary>
    /// Builds again the code of one function folder, as its sources are now (for swapping a changed function into a
    /// running local cloud). The result is keyed by the code keys the running template has for that folder.
    /// </summary>
    public static Task<LocalBuildResult> RebuildAsync(SynthResult synth, string sourceDirectory, IProgress<LocalBuildProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(synth);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceDirectory);
        var folder = Path.GetFullPath(sourceDirectory);
        var assets = synth.Assets.Where(a => a.SourceDirectory == folder).ToList();
        if (assets.Count == 0)
        {
            throw new ArgumentException(
                $"No function of app '{synth.App.Name}' has its code in '{folder}'. Function folders: {string.Join(", ", synth.Assets.Select(a => a.SourceDirectory).Distinct())}.",
                nameof(sourceDirectory));
        }

        GeneratedFileWriter.Write(synth);
        return Builder(synth).BuildAsync(assets, synth.FunctionsOf, progress, cancellationToken);
    }

    private static LocalBuilder Builder(SynthResult synth) =>
        new(CacheDirectoryFor(synth.App.ProjectDirectory), LocalToolchain.Detect(), AssetBuilderProcess.RunAsync);
}
