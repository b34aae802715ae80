namespace Stelvio.PublicApi.Tests;

/// <summary>What the baseline must never gain, and how a baseline difference is reported.</summary>
public sealed class PublicSurfaceTests
{
    [Theory]
    [InlineData("Stelvio.Deploy")]
    [InlineData("Stelvio.Cli")]
    [InlineData("Stelvio.CloudFormation")]
    [InlineData("Stelvio.Assets")]
    [InlineData("Stelvio.Naming")]
    [InlineData("Stelvio.Aws.Iam")]
    public void Machinery_namespaces_have_no_public_types(string ns)
    {
        var exposed = typeof(StelvioApp).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == ns || t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) == true)
            .Select(t => t.FullName)
            .ToArray();
        Assert.True(exposed.Length == 0, $"{ns} is Stelvio's own machinery, yet these types are public: {string.Join(", ", exposed)}");
    }

    [Fact]
    public void Diff_lists_removed_then_added_declarations()
    {
        const string Before = "namespace A\n{\n    public class C\n    {\n        public int X { get; }\n        public int Y { get; }\n    }\n}\n";
        const string After = "namespace A\n{\n    public class C\n    {\n        public int Y { get; }\n        public string Z { get; }\n    }\n}\n";

        Assert.Equal("- C: public int X { get; }\n+ C: public string Z { get; }", PublicApiDiff.Describe(Before, After));
    }

    [Fact]
    public void Diff_NamesTheTypeOfAChangedMember_AndShowsNewTypes()
    {
        const string Before = "namespace A\n{\n    public sealed class Options\n    {\n        public int Timeout { get; init; }\n    }\n}\n";
        const string After = "namespace A\n{\n    public sealed class Options\n    {\n        public A.Duration Timeout { get; init; }\n    }\n    public readonly struct Duration : System.IEquatable<A.Duration>\n    {\n        public System.TimeSpan Value { get; }\n    }\n}\n";

        Assert.Equal(
            "- Options: public int Timeout { get; init; }\n" +
            "+ Options: public A.Duration Timeout { get; init; }\n" +
            "+ public readonly struct Duration : System.IEquatable<A.Duration>\n" +
            "+ Duration: public System.TimeSpan Value { get; }",
            PublicApiDiff.Describe(Before, After));
    }
}
