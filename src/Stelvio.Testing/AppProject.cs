using System.Reflection;

namespace Stelvio.Testing;

/// <summary>
/// Where an app's handler folders are: the folder of the project that declares the app, as the Stelvio
/// package records it in the app's assembly (assembly metadata <c>Stelvio.ProjectDirectory</c>).
/// </summary>
internal static class AppProject
{
    /// <summary>The metadata key the Stelvio package's build targets write.</summary>
    public const string MetadataKey = "Stelvio.ProjectDirectory";

    /// <summary>The project folder recorded in the assembly that holds <paramref name="declare"/>'s method, or null.</summary>
    public static string? DirectoryOf(Delegate declare) => DirectoryOf(declare.Method.Module.Assembly);

    /// <summary>The project folder recorded in <paramref name="assembly"/>, or null when it has none.</summary>
    public static string? DirectoryOf(Assembly assembly) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key == MetadataKey && !string.IsNullOrEmpty(a.Value))
            .Select(a => a.Value)
            .LastOrDefault();
}
