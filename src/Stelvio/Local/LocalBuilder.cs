using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Stelvio.Assets;
using Stelvio.LocalCloud.Lambda;

namespace Stelvio.Local;

/// <summary>
/// Builds function assets for this machine into <c>{cache}/{hash}/</c>, the folder the local cloud runs
/// (<see cref="FunctionCode"/>):
/// <list type="bullet">
/// <item>a C# project: <c>dotnet publish</c> for the host's runtime identifier, framework-dependent (JIT), or with
/// Native AOT when the project asks for it and the toolchain is here; the executable as <c>bootstrap</c>, symbols kept
/// (stack traces with line numbers);</item>
/// <item>a Python folder: its files as they are, with the generated access file.</item>
/// </list>
/// The hash covers the sources as they are now (not synth's hash, so a rebuild after an edit gets a new folder), the
/// generated files, the runtime identifier and the build kind; a folder that exists is complete (builds are moved in
/// when done), so it is reused. Publishes run one at a time, across processes too (a lock file), each with its own
/// artifacts folder, so they never share <c>obj</c> with the deploy's publish or an IDE's build.
/// </summary>
internal sealed class LocalBuilder(string cacheDirectory, LocalToolchain toolchain, RunProcess run)
{
    private static readonly SemaphoreSlim Publishing = new(1, 1);

    /// <summary>The folder builds are kept in.</summary>
    public string CacheDirectory { get; } = Path.GetFullPath(cacheDirectory);

    /// <summary>Builds each asset (once per local hash) and returns the code by <see cref="FunctionAsset.S3Key"/>.</summary>
    public async Task<LocalBuildResult> BuildAsync(
        IReadOnlyList<FunctionAsset> assets,
        Func<FunctionAsset, IReadOnlyList<string>> functionsOf,
        IProgress<LocalBuildProgress>? progress,
        CancellationToken cancellationToken)
    {
        var builds = new List<LocalFunctionBuild>();
        var notices = new List<string>();
        var done = new Dictionary<string, (FunctionCode Code, bool FromCache)>(StringComparer.Ordinal);
        foreach (var asset in assets)
        {
            var functions = functionsOf(asset);
            var kind = KindOf(asset);
            if (asset.Kind == AssetKind.DotnetProject && asset.NativeAot && kind == LocalBuildKind.DotnetJit)
            {
                var notice = $"{string.Join(", ", functions)}: the project in '{asset.SourceDirectory}' publishes with Native AOT, but {toolchain.NoNativeAotReason}; " +
                    $"it runs locally as a JIT build for {toolchain.RuntimeIdentifier}.";
                if (!notices.Contains(notice))
                {
                    notices.Add(notice);
                }
            }

            var hash = HashOf(asset, kind);
            if (!done.TryGetValue(hash, out var built))
            {
                built = await BuildOneAsync(asset, functions, kind, hash, progress, cancellationToken).ConfigureAwait(false);
                done[hash] = built;
            }

            builds.Add(new LocalFunctionBuild(asset, functions, built.Code, kind, hash, built.FromCache));
        }

        return new LocalBuildResult(builds, notices);
    }

    /// <summary>How <paramref name="asset"/> is built here.</summary>
    public LocalBuildKind KindOf(FunctionAsset asset) => asset.Kind switch
    {
        AssetKind.PythonSource => LocalBuildKind.Python,
        _ when asset.NativeAot && toolchain.NativeAotToolchain => LocalBuildKind.DotnetNativeAot,
        _ => LocalBuildKind.DotnetJit,
    };

    /// <summary>
    /// The local build's hash: the folder's sources as they are on disk now, the access files synth generated for the
    /// asset's functions (not whatever another app sharing the folder wrote there), the runtime identifier and the build kind.
    /// </summary>
    public string HashOf(FunctionAsset asset, LocalBuildKind kind)
    {
        var generated = new StringBuilder();
        foreach (var (name, content) in asset.GeneratedFiles.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            generated.Append(name).Append('\n').Append(content).Append('\n');
        }

        return SourceHash.Compute(asset.Kind, asset.SourceDirectory, $"local|{kind}|{toolchain.RuntimeIdentifier}", generated.ToString());
    }

    private async Task<(FunctionCode Code, bool FromCache)> BuildOneAsync(
        FunctionAsset asset, IReadOnlyList<string> functions, LocalBuildKind kind, string hash, IProgress<LocalBuildProgress>? progress, CancellationToken cancellationToken)
    {
        var target = Path.Combine(CacheDirectory, hash);
        if (Directory.Exists(target))
        {
            progress?.Report(new LocalBuildProgress(asset.SourceDirectory, functions, LocalBuildStage.Cached, kind, TimeSpan.Zero));
            return (new FunctionCode(target), true);
        }

        progress?.Report(new LocalBuildProgress(asset.SourceDirectory, functions, LocalBuildStage.Building, kind, TimeSpan.Zero));
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(CacheDirectory);
        var partial = Path.Combine(CacheDirectory, $"{hash}.{Guid.NewGuid():N}.partial");
        try
        {
            if (kind == LocalBuildKind.Python)
            {
                CopyPython(asset, partial);
            }
            else
            {
                await PublishAsync(asset, kind, partial, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                Directory.Move(partial, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                // Another process built the same hash meanwhile: its folder is as good as ours.
            }
        }
        finally
        {
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }
        }

        progress?.Report(new LocalBuildProgress(asset.SourceDirectory, functions, LocalBuildStage.Built, kind, watch.Elapsed));
        return (new FunctionCode(target), false);
    }

    private async Task PublishAsync(FunctionAsset asset, LocalBuildKind kind, string output, CancellationToken cancellationToken)
    {
        var project = DotnetPublish.FindProject(asset);
        var folderKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(asset.SourceDirectory)))[..16];
        var artifacts = Path.Combine(CacheDirectory, "build", $"{Path.GetFileName(asset.SourceDirectory)}-{folderKey}");
        var command = DotnetPublish.LocalCommand(asset, project, output, toolchain.RuntimeIdentifier, kind == LocalBuildKind.DotnetNativeAot, artifacts);
        ProcessOutcome outcome;
        await Publishing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(artifacts);
            using var crossProcess = await LockAsync(artifacts + ".lock", cancellationToken).ConfigureAwait(false);
            outcome = await run(command, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Publishing.Release();
        }

        if (outcome.ExitCode != 0)
        {
            throw new AssetBuildException(asset,
                $"Function code in '{asset.SourceDirectory}': dotnet publish for the local cloud failed with exit code {outcome.ExitCode}.{Environment.NewLine}" +
                $"Command: {command}{Environment.NewLine}Last lines of its output:",
                outcome.Tail());
        }

        // -getProperty:TargetName makes publish print the name of the executable it wrote, last.
        var targetName = outcome.Output.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
        var executable = Path.Combine(output, targetName);
        if (targetName.Length == 0 || !File.Exists(executable))
        {
            throw new AssetBuildException(asset,
                $"Function code in '{asset.SourceDirectory}': dotnet publish of {Path.GetFileName(project)} wrote no executable '{targetName}'. " +
                "A C# function is a console program: set <OutputType>Exe</OutputType> and call LambdaHost.RunAsync in its Program.cs.",
                outcome.Tail());
        }

        var bootstrap = Path.Combine(output, AssetBuilder.BootstrapName);
        if (targetName != AssetBuilder.BootstrapName)
        {
            if (File.Exists(bootstrap))
            {
                throw new AssetBuildException(asset,
                    $"Function code in '{asset.SourceDirectory}': the published files already hold a '{AssetBuilder.BootstrapName}' that is not the executable '{targetName}'. " +
                    $"Rename that file, or set <AssemblyName>{AssetBuilder.BootstrapName}</AssemblyName> in {Path.GetFileName(project)}.",
                    "");
            }

            // The apphost finds its assembly by the name built into it, so it runs under another name.
            File.Move(executable, bootstrap);
        }
    }

    private static void CopyPython(FunctionAsset asset, string output)
    {
        if (!Directory.Exists(asset.SourceDirectory))
        {
            throw new StelvioConfigException($"Function code '{asset.SourceDirectory}'", null, "The folder does not exist.");
        }

        foreach (var (relative, full) in SourceHash.Files(asset.SourceDirectory).Where(f => !f.Relative.EndsWith(".pyc", StringComparison.Ordinal)))
        {
            var destination = Path.Combine(output, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(full, destination);
        }

        // The access modules synth generated for these functions, as the deploy's zip holds them (not another app's
        // modules that happen to be in a shared folder).
        Directory.CreateDirectory(output);
        foreach (var (name, content) in asset.GeneratedFiles)
        {
            File.WriteAllText(Path.Combine(output, name), content);
        }
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        // FileShare.None is an exclusive lock (flock on Unix) that another process's publish of the same folder waits for.
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
