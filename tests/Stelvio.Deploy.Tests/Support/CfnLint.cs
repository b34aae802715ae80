using System.Diagnostics;

namespace Stelvio.Deploy.Tests.Support;

/// <summary>Runs cfn-lint, the AWS CloudFormation linter, on template files.</summary>
public static class CfnLint
{
    /// <summary>Fails the test with cfn-lint's findings unless every file passes.</summary>
    public static async Task AssertPassesAsync(params string[] files)
    {
        var start = new ProcessStartInfo("cfn-lint") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--");
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"cfn-lint (exit {process.ExitCode}): {await output}{await error}");
    }
}
