using System.Reflection;
using PublicApiGenerator;

namespace Stelvio.PublicApi.Tests;

/// <summary>
/// The public surface of every shipped assembly, rendered as C# declarations, must equal its committed baseline
/// (<c>Baselines/{assembly}.txt</c>), so that every change to what users can see is made on purpose and reviewed.
/// After a deliberate change, regenerate the baselines with <see cref="UpdateCommand"/> and commit them.
/// </summary>
public sealed class PublicApiTests
{
    /// <summary>The one command that rewrites every baseline from the assemblies as built.</summary>
    public const string UpdateCommand = "STELVIO_UPDATE_PUBLIC_API=1 dotnet test tests/Stelvio.PublicApi.Tests";

    /// <summary>The assemblies published as packages: one baseline each.</summary>
    private static readonly string[] Shipped =
    [
        typeof(StelvioApp).Assembly.GetName().Name!,
        typeof(Stelvio.Lambda.LambdaHost).Assembly.GetName().Name!,
        typeof(Stelvio.Testing.Template).Assembly.GetName().Name!,
        typeof(Stelvio.DynamoDB.Local.Model.AttributeValue).Assembly.GetName().Name!,
    ];

    public static TheoryData<string> ShippedAssemblies => [.. Shipped];

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void Public_surface_matches_the_committed_baseline(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var current = Render(assembly);
        var file = BaselinePath(assemblyName);
        var baseline = File.Exists(file) ? Normalize(File.ReadAllText(file)) : null;
        if (baseline == current)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("STELVIO_UPDATE_PUBLIC_API") == "1")
        {
            File.WriteAllText(file, current);
            return;
        }

        Assert.Fail(
            (baseline is null
                ? $"{assemblyName} has no public API baseline ({file})."
                : $"The public API of {assemblyName} differs from its baseline ({file}):\n{PublicApiDiff.Describe(baseline, current)}") +
            $"\nIf the change is intended, regenerate the baselines and commit them: {UpdateCommand}");
    }

    [Fact]
    public void Every_baseline_belongs_to_a_shipped_assembly()
    {
        var shipped = Shipped.ToHashSet(StringComparer.Ordinal);
        var stale = Directory.GetFiles(BaselineFolder(), "*.txt").Select(Path.GetFileNameWithoutExtension).Where(n => !shipped.Contains(n!)).ToArray();
        Assert.True(stale.Length == 0, $"Baselines without a shipped assembly: {string.Join(", ", stale)}. Delete them, or add the assembly to ShippedAssemblies.");
    }

    /// <summary>The assembly's public types and members, without assembly attributes (versions, InternalsVisibleTo).</summary>
    internal static string Render(Assembly assembly) =>
        Normalize(assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }));

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

    private static string BaselinePath(string assemblyName) => Path.Combine(BaselineFolder(), assemblyName + ".txt");

    /// <summary>The source folder of the baselines (found from the build output by walking up to Stelvio.slnx).</summary>
    private static string BaselineFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Stelvio.slnx")))
            {
                return Path.Combine(folder.FullName, "tests", "Stelvio.PublicApi.Tests", "Baselines");
            }
        }

        throw new InvalidOperationException($"Stelvio.slnx was not found above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
