namespace Stelvio.Lambda.Tests.Support;

/// <summary>Event JSON files under <c>Fixtures/</c>, in the shape of AWS's sample events.</summary>
public static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
