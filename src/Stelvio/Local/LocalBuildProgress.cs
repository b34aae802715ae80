namespace Stelvio.Local;

/// <summary>What a local build is doing, for the CLI's progress display.</summary>
internal enum LocalBuildStage
{
    /// <summary>The folder's code is being built (<c>dotnet publish</c>, or the Python files copied).</summary>
    Building,

    /// <summary>The folder's code was built.</summary>
    Built,

    /// <summary>The folder's code for these sources was already built: the cached copy is used.</summary>
    Cached,
}

/// <summary>One step of a local build.</summary>
/// <param name="SourceDirectory">The function folder.</param>
/// <param name="Functions">The functions whose code it is.</param>
/// <param name="Stage">What happened.</param>
/// <param name="Kind">How it is (being) built.</param>
/// <param name="Elapsed">For <see cref="LocalBuildStage.Built"/>: how long the build took.</param>
internal sealed record LocalBuildProgress(string SourceDirectory, IReadOnlyList<string> Functions, LocalBuildStage Stage, LocalBuildKind Kind, TimeSpan Elapsed);
