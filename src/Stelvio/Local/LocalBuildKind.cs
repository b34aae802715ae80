namespace Stelvio.Local;

/// <summary>How a function's code is built for this machine.</summary>
internal enum LocalBuildKind
{
    /// <summary>A C# project published framework-dependent for the host's runtime identifier (JIT): fast to build.</summary>
    DotnetJit,

    /// <summary>A C# project published with Native AOT for the host's runtime identifier, as the project asks.</summary>
    DotnetNativeAot,

    /// <summary>A folder of Python sources, copied as it is with the generated access file.</summary>
    Python,
}
