using System.Diagnostics;
using Stelvio.Aws.DynamoDB;

namespace Stelvio.Tests.Support;

[CollectionDefinition(LintLastOrderer.LintCollection)]
public sealed class CfnLintCollection;

/// <summary>Lints, in one cfn-lint run, every template the tests of this run synthesized.</summary>
[Collection(LintLastOrderer.LintCollection)]
public sealed class CfnLintTests
{
    [Fact]
    public async Task EveryTemplateSynthesizedByTheTestsPassesCfnLint()
    {
        // Always lint at least one template, also when a filter ran this test alone.
        Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
            Stream = "new-and-old-images",
        }));

        var files = LintedTemplates.Files;
        var start = new ProcessStartInfo("cfn-lint") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--format");
        start.ArgumentList.Add("parseable");
        start.ArgumentList.Add("--");
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Assert.Fail($"cfn-lint could not be started ({exception.Message}). Install it with 'pip install cfn-lint' (.ci/run checks for it).");
            return;
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var findings = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"cfn-lint found problems in {files.Length} templates (exit {process.ExitCode}):\n{findings}");
    }
}
