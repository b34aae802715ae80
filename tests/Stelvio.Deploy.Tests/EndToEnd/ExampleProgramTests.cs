using System.Diagnostics;
using System.Text.Json.Nodes;
using Stelvio.Deploy.Tests.Support;

namespace Stelvio.Deploy.Tests.EndToEnd;

/// <summary>
/// The example program (examples/Orders) run as a user runs it, as a separate process reading the
/// standard AWS variables, against moto: deploy, deploy again with nothing changed, destroy. The checks
/// follow the template the program synthesizes, so the functions the example gains are checked as well.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ExampleProgramTests(MotoServer moto) : IAsyncLifetime
{
    private const string Stage = "example";
    private const string Stack = "shop-example";

    public Task InitializeAsync() => moto.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<CliResult> RunExampleAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Orders.dll"));
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        start.Environment["AWS_REGION"] = "us-east-1";
        start.Environment["AWS_ENDPOINT_URL"] = moto.Endpoint;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output + await error);
    }

    private static string ExampleFolder([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "examples", "Orders"));

    [Fact]
    public async Task TheExample_DeploysThenFindsNothingToChange_ThenIsDestroyed()
    {
        var folder = Path.Combine(Path.GetTempPath(), "stelvio-example-synth-" + Guid.NewGuid().ToString("N"));
        var functions = Path.Combine(ExampleFolder(), "functions", "Orders");
        var committed = Directory.GetFiles(functions, "StelvioResources.*.g.cs").Order(StringComparer.Ordinal).ToDictionary(f => f, File.ReadAllText);
        var synth = await RunExampleAsync("synth", "--stage", Stage, "--output", folder);
        Assert.True(synth.ExitCode == 0, synth.ToString());

        // Synth rewrites the example's typed access files in place (one per function): the copies in the repository must be what it writes.
        Assert.Equal(["orders-process-orders", "orders-update-inventory", "process-user"], committed.Keys.Select(f => Path.GetFileName(f)["StelvioResources.".Length..^".g.cs".Length]));
        Assert.Equal(committed, Directory.GetFiles(functions, "StelvioResources.*.g.cs").Order(StringComparer.Ordinal).ToDictionary(f => f, File.ReadAllText));
        var templateFile = Path.Combine(folder, Stack + ".template.json");
        var template = (JsonObject)JsonNode.Parse(File.ReadAllText(templateFile))!;

        // The README's main command writes this template: it must pass the CloudFormation linter.
        await CfnLint.AssertPassesAsync(templateFile);

        var deploy = await RunExampleAsync("deploy", "--stage", Stage);

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Contains("Not interactive: executing without asking.", deploy.Output, StringComparison.Ordinal);
        Assert.Contains($"Deployed stack {Stack} (CREATE_COMPLETE).", deploy.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", deploy.Output, StringComparison.Ordinal);
        using var checks = new MotoChecks(moto.Endpoint);
        var tables = await checks.AssertTablesAsync(template);
        Assert.Contains("OrdersTable", tables.Keys);
        await checks.AssertFunctionsAsync(template, Stack, tables);
        var keys = MotoChecks.Resources(template, "AWS::Lambda::Function")
            .Select(f => f.Resource["Properties"]!["Code"]!["S3Key"]!.GetValue<string>())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            // The real build: a Native AOT executable named bootstrap, as provided.al2023 runs it.
            var entries = await checks.ZipEntriesAsync(key);
            Assert.True(entries.TryGetValue("bootstrap", out var size) && size > 1_000_000, $"the zip {key} holds no native bootstrap executable: {string.Join(", ", entries.Keys)}");
            Assert.Contains($"uploaded {key} (", deploy.Output, StringComparison.Ordinal);
        }

        var again = await RunExampleAsync("deploy", "--stage", Stage);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains($"No changes: stack {Stack} is up to date; nothing to deploy.", again.Output, StringComparison.Ordinal);

        // Unchanged sources: each zip is found in the bucket by its content-hash key, so nothing is built or uploaded.
        foreach (var key in keys)
        {
            Assert.Contains($"unchanged {key} from ", again.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("uploaded ", again.Output, StringComparison.Ordinal);

        var destroy = await RunExampleAsync("destroy", "--stage", Stage, "--yes");

        Assert.True(destroy.ExitCode == 0, destroy.ToString());
        Assert.Contains($"Destroyed stack {Stack}.", destroy.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("shop-example-orders", await checks.TableNamesAsync());
    }
}
