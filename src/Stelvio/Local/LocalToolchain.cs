using System.Runtime.InteropServices;

namespace Stelvio.Local;

/// <summary>What this machine can build: its runtime identifier, and whether Native AOT's native toolchain is there.</summary>
/// <param name="RuntimeIdentifier">The host's RID (<c>linux-x64</c>, <c>osx-arm64</c>, …): what local builds target.</param>
/// <param name="NativeAotToolchain">Whether a Native AOT publish can link here (<c>clang</c> on PATH on Linux and macOS).</param>
internal sealed record LocalToolchain(string RuntimeIdentifier, bool NativeAotToolchain)
{
    /// <summary>This machine's toolchain.</summary>
    public static LocalToolchain Detect() =>
        new(RuntimeInformation.RuntimeIdentifier, !OperatingSystem.IsWindows() && IsOnPath("clang"));

    /// <summary>Why a project that asks for Native AOT is built for the JIT here.</summary>
    public string NoNativeAotReason => OperatingSystem.IsWindows()
        ? "local Native AOT builds are made on Linux and macOS only"
        : "clang (the linker Native AOT needs) is not on PATH";

    private static bool IsOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
