using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Stelvio.Assets;

/// <summary>
/// Builds function zips and caches them as <c>{cache}/{hash}.zip</c>, so a function whose sources and
/// build options did not change is not built again. One build per hash, also when several functions
/// share a project and ask at once.
/// <list type="bullet">
/// <item><see cref="AssetKind.DotnetProject"/>: <c>dotnet publish</c> of the one <c>.csproj</c> in the folder,
/// <c>-c Release -r linux-x64|linux-arm64 --self-contained -p:PublishAot=true|false</c>; the executable goes into the
/// zip as <c>bootstrap</c> (mode 0755), the other published files beside it (mode 0644), symbol files
/// (<c>.pdb</c>, <c>.dbg</c>) left out. The executable is renamed rather than published with
/// <c>-p:AssemblyName=bootstrap</c>, which would also rename every referenced project (such as Stelvio.Lambda)
/// and fail with "Ambiguous project name 'bootstrap'". Then the program is asked which handlers it registers
/// (<see cref="HandlerCheck"/>), and a function whose handler is not among them fails the build.</item>
/// <item><see cref="AssetKind.PythonSource"/>: the folder's files as they are (mode 0644), with the functions' generated
/// access modules (from synth, not from disk), without caches and build output.</item>
/// </list>
/// Zips are deterministic (<see cref="DeterministicZip"/>): the same files give the same bytes.
/// </summary>
internal sealed class AssetBuilder : IAssetBuilder
{
    /// <summary>The name Lambda's <c>provided.al2023</c> runtime starts.</summary>
    public const string BootstrapName = "bootstrap";

    private static readonly HashSet<string> RuntimeExecutables = new(StringComparer.Ordinal) { BootstrapName, "createdump" };
    private static readonly string[] SymbolExtensions = [".pdb", ".dbg"];

    // Publishes run one at a time: publishes of one project (say for x86_64 and arm64) share its obj folder,
    // and one publish already keeps every core busy.
    private readonly SemaphoreSlim publishing = new(1, 1);
    private readonly ConcurrentDictionary<string, Lazy<Task<BuiltAsset>>> builds = new(StringComparer.Ordinal);
    private readonly RunProcess run;
    private readonly string? hostArchitecture;

    /// <param name="cacheDirectory">Where zips are kept, normally <see cref="CacheDirectoryFor"/> of the app's project directory.</param>
    public AssetBuilder(string cacheDirectory)
        : this(cacheDirectory, AssetBuilderProcess.RunAsync)
    {
    }

    /// <param name="cacheDirectory">Where zips are kept.</param>
    /// <param name="run">Runs <c>dotnet</c> and the built programs.</param>
    /// <param name="hostArchitecture">The Lambda architecture whose Linux programs this machine runs (null: none). Default: this machine's.</param>
    internal AssetBuilder(string cacheDirectory, RunProcess run, string? hostArchitecture = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheDirectory);
        CacheDirectory = Path.GetFullPath(cacheDirectory);
        this.run = run;
        this.hostArchitecture = hostArchitecture ?? HandlerCheck.HostArchitecture;
    }

    /// <summary>How long a program may take to list its handlers.</summary>
    internal static TimeSpan ListHandlersTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>The folder holding the built zips.</summary>
    public string CacheDirectory { get; }

    /// <summary>The cache folder of an app: <c>{projectDirectory}/.stelvio/assets</c>.</summary>
    public static string CacheDirectoryFor(string projectDirectory) => Path.Combine(projectDirectory, ".stelvio", "assets");

    /// <summary>Where the zip of <paramref name="asset"/> is (or will be) cached.</summary>
    public string ZipPathFor(FunctionAsset asset) => Path.Combine(CacheDirectory, asset.Hash + ".zip");

    public async Task<BuiltAsset> BuildAsync(FunctionAsset asset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var build = builds.GetOrAdd(asset.Hash, _ => new Lazy<Task<BuiltAsset>>(() => BuildOrReuseAsync(asset, cancellationToken)));
        try
        {
            return await build.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed or cancelled build is not remembered: the next call tries again.
            builds.TryRemove(new KeyValuePair<string, Lazy<Task<BuiltAsset>>>(asset.Hash, build));
            throw;
        }
    }

    private async Task<BuiltAsset> BuildOrReuseAsync(FunctionAsset asset, CancellationToken cancellationToken)
    {
        var zipPath = ZipPathFor(asset);
        if (File.Exists(zipPath))
        {
            return Describe(asset, zipPath, fromCache: true);
        }

        Directory.CreateDirectory(CacheDirectory);
        var workDirectory = Path.Combine(Path.GetTempPath(), $"stelvio-asset-{asset.Hash}-{Guid.NewGuid():N}");
        try
        {
            var items = asset.Kind switch
            {
                AssetKind.DotnetProject => await PublishAsync(asset, workDirectory, cancellationToken).ConfigureAwait(false),
                AssetKind.PythonSource => PythonItems(asset, workDirectory),
                _ => throw new ArgumentOutOfRangeException(nameof(asset), asset.Kind, "Unknown asset kind."),
            };

            // Written aside and moved in, so that an interrupted build never leaves a truncated zip in the cache.
            var partial = $"{zipPath}.{Guid.NewGuid():N}.partial";
            await using (var file = File.Create(partial))
            {
                DeterministicZip.Write(file, items);
            }

            File.Move(partial, zipPath, overwrite: true);
            return Describe(asset, zipPath, fromCache: false);
        }
        finally
        {
            if (Directory.Exists(workDirectory))
            {
                Directory.Delete(workDirectory, recursive: true);
            }
        }
    }

    private async Task<IReadOnlyList<ZipItem>> PublishAsync(FunctionAsset asset, string workDirectory, CancellationToken cancellationToken)
    {
        var output = Path.Combine(workDirectory, "publish");
        var project = DotnetPublish.FindProject(asset);
        var command = DotnetPublish.Command(asset, project, output);
        var outcome = await RunPublishingAsync(command, cancellationToken).ConfigureAwait(false);

        if (outcome.ExitCode != 0)
        {
            throw new AssetBuildException(asset,
                $"Function code in '{asset.SourceDirectory}': dotnet publish failed with exit code {outcome.ExitCode}.{Environment.NewLine}" +
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

        await CheckHandlersAsync(asset, project, executable, Path.Combine(workDirectory, "host-build"), cancellationToken).ConfigureAwait(false);
        var items = new List<ZipItem>();
        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(output, file).Replace('\\', '/');
            if (SymbolExtensions.Any(e => relative.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (file == executable)
            {
                items.Add(new ZipItem(BootstrapName, file, Executable: true));
            }
            else if (relative == BootstrapName)
            {
                throw new AssetBuildException(asset,
                    $"Function code in '{asset.SourceDirectory}': the published files already hold a '{BootstrapName}' that is not the executable '{targetName}'. " +
                    $"Rename that file, or set <AssemblyName>{BootstrapName}</AssemblyName> in {Path.GetFileName(project)}.",
                    "");
            }
            else
            {
                items.Add(new ZipItem(relative, file, RuntimeExecutables.Contains(relative)));
            }
        }

        return items;
    }

    /// <summary>
    /// Asks the program which handlers it registers and compares them with the functions' (see <see cref="HandlerCheck"/>):
    /// the published program itself when this machine runs it, else a build of the project for this machine.
    /// </summary>
    private async Task CheckHandlersAsync(FunctionAsset asset, string project, string executable, string hostBuild, CancellationToken cancellationToken)
    {
        if (asset.Handlers.Count == 0)
        {
            return;
        }

        ProcessCommand listing;
        string how;
        if (asset.Architecture == hostArchitecture)
        {
            listing = new ProcessCommand(executable, [HandlerCheck.ListHandlersOption], asset.SourceDirectory);
            how = $"'{BootstrapName} {HandlerCheck.ListHandlersOption}' of the published {(asset.NativeAot ? "Native AOT " : "")}program";
        }
        else
        {
            var build = HandlerCheck.HostBuild(project, hostBuild);
            var built = await RunPublishingAsync(build, cancellationToken).ConfigureAwait(false);
            var targetPath = built.Output.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
            if (built.ExitCode != 0 || !File.Exists(targetPath))
            {
                throw new AssetBuildException(asset,
                    $"Function code in '{asset.SourceDirectory}': building it for this machine, to list its handlers (the {asset.Architecture} program does not run here), failed with exit code {built.ExitCode}.{Environment.NewLine}" +
                    $"Command: {build}{Environment.NewLine}Last lines of its output:",
                    built.Tail());
            }

            listing = new ProcessCommand(AssetBuilderProcess.Dotnet, [targetPath, HandlerCheck.ListHandlersOption], asset.SourceDirectory);
            how = $"'{HandlerCheck.ListHandlersOption}' of a build for this machine, since the {asset.Architecture} program does not run here";
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ListHandlersTimeout);
        ProcessOutcome outcome;
        try
        {
            outcome = await run(listing, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AssetBuildException(asset,
                $"Function code in '{asset.SourceDirectory}': '{listing}' did not list the program's handlers within {ListHandlersTimeout.TotalSeconds:0} s. " +
                "Stelvio runs it to check the functions' handlers: Program.cs must reach LambdaHost.RunAsync without waiting for anything.", "");
        }

        if (outcome.ExitCode != 0)
        {
            throw new AssetBuildException(asset,
                $"Function code in '{asset.SourceDirectory}': '{listing}' failed with exit code {outcome.ExitCode}, so its handlers could not be checked. " +
                $"Stelvio runs it to list the handlers the program registers: the program must call LambdaHost.RunAsync (Stelvio.Lambda) in Program.cs " +
                $"without needing Lambda's environment before it.{Environment.NewLine}Last lines of its output:",
                outcome.Tail());
        }

        HandlerCheck.Compare(asset, HandlerCheck.Registered(outcome), how);
    }

    private async Task<ProcessOutcome> RunPublishingAsync(ProcessCommand command, CancellationToken cancellationToken)
    {
        await publishing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await run(command, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            publishing.Release();
        }
    }

    private static List<ZipItem> PythonItems(FunctionAsset asset, string workDirectory)
    {
        if (!Directory.Exists(asset.SourceDirectory))
        {
            throw new StelvioConfigException($"Function code '{asset.SourceDirectory}'", null, "The folder does not exist.");
        }

        var items = SourceHash.Files(asset.SourceDirectory)
            .Where(f => !f.Relative.EndsWith(".pyc", StringComparison.Ordinal))
            .Select(f => new ZipItem(f.Relative, f.Full, Executable: false))
            .ToList();
        // The access modules synth generated for the functions: their content as hashed, whatever the folder holds now
        // (another app sharing the folder writes its own modules there, which are left out of the hash and the zip).
        Directory.CreateDirectory(workDirectory);
        foreach (var (name, content) in asset.GeneratedFiles.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(workDirectory, name);
            File.WriteAllText(path, content);
            items.Add(new ZipItem(name, path, Executable: false));
        }

        return items;
    }

    private static BuiltAsset Describe(FunctionAsset asset, string zipPath, bool fromCache)
    {
        using var file = File.OpenRead(zipPath);
        var sha = Convert.ToHexStringLower(SHA256.HashData(file));
        return new BuiltAsset(asset, zipPath, file.Length, sha, fromCache);
    }
}
