using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Stelvio.Assets;
using Stelvio.LocalCloud.Lambda;

namespace Stelvio.Local;

/// <summary>
/// The code of every function of an app, built for this machine, by the template's <c>Code.S3Key</c>
/// (<see cref="FunctionAsset.S3Key"/>, what <c>LocalFunction.CodeKey</c> holds), with what the build had to do
/// differently from the deploy (<see cref="Notices"/>).
/// </summary>
internal sealed class LocalBuildResult(IReadOnlyList<LocalFunctionBuild> builds, IReadOnlyList<string> notices) : IReadOnlyDictionary<string, FunctionCode>
{
    private readonly Dictionary<string, FunctionCode> code = builds.ToDictionary(b => b.Asset.S3Key, b => b.Code, StringComparer.Ordinal);

    /// <summary>Each asset's local build.</summary>
    public IReadOnlyList<LocalFunctionBuild> Builds { get; } = builds;

    /// <summary>Lines for the user: what was built differently from the deploy, and why (for example no Native AOT toolchain).</summary>
    public IReadOnlyList<string> Notices { get; } = notices;

    public FunctionCode this[string key] => code[key];

    public IEnumerable<string> Keys => code.Keys;

    public IEnumerable<FunctionCode> Values => code.Values;

    public int Count => code.Count;

    public bool ContainsKey(string key) => code.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out FunctionCode value) => code.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, FunctionCode>> GetEnumerator() => code.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>One asset built for this machine.</summary>
/// <param name="Asset">The asset as synth declared it (its <see cref="FunctionAsset.S3Key"/> is the template's code key).</param>
/// <param name="Functions">The functions built from it.</param>
/// <param name="Code">Where the built code is.</param>
/// <param name="Kind">How it was built.</param>
/// <param name="Hash">The local build's hash (sources, generated files, runtime identifier and build kind): its folder's name.</param>
/// <param name="FromCache">Whether an earlier build of the same hash was reused.</param>
internal sealed record LocalFunctionBuild(FunctionAsset Asset, IReadOnlyList<string> Functions, FunctionCode Code, LocalBuildKind Kind, string Hash, bool FromCache);
