using System.Runtime.CompilerServices;

namespace Stelvio.Tests.Fixtures;

/// <summary>
/// The app project folder the function tests declare their apps in (<c>Fixtures/app</c>): handler folders
/// <c>functions/Orders</c> (one .csproj), <c>functions/Aot</c> (PublishAot), <c>functions/Two</c> (two projects),
/// <c>functions/NoProject</c>, and the guide's Python files <c>functions/orders.py</c>, <c>inventory.py</c>, <c>users.py</c>.
/// </summary>
public static class FixtureProject
{
    public static string Directory { get; } = Path.Combine(Here(), "app");

    public static string Combine(params string[] parts) => Path.Combine([Directory, .. parts]);

    private static string Here([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
