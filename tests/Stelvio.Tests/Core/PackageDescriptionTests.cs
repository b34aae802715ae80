using System.Reflection;

namespace Stelvio.Tests.Core;

/// <summary>The package says what the library does today: declare, synthesize, deploy; running locally does not exist yet.</summary>
public sealed class PackageDescriptionTests
{
    [Fact]
    public void Description_NamesWhatExists_AndNoLocalRunning()
    {
        var description = typeof(StelvioApp).Assembly.GetCustomAttribute<AssemblyDescriptionAttribute>()!.Description;

        Assert.Contains("synthesize it to CloudFormation and deploy it", description, StringComparison.Ordinal);
        Assert.DoesNotContain("local", description, StringComparison.OrdinalIgnoreCase);
    }
}
