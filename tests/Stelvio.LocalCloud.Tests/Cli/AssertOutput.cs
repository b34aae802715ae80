using System.Text.RegularExpressions;

namespace Stelvio.LocalCloud.Tests.Cli;

/// <summary>Assertions on the CLI's output that show the whole output when they fail.</summary>
internal static class AssertOutput
{
    public static void Matches(string pattern, string output) =>
        Assert.True(Regex.IsMatch(output, pattern), $"Not found: {pattern}\nin the output:\n{output}");
}
