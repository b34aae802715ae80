using System.Diagnostics;
using Stelvio.Deploy.Tests.Support;

namespace Stelvio.Deploy.Tests.EndToEnd;

/// <summary>
/// The example program (examples/Orders) synthesized in two separate processes that differ in everything that
/// should not matter: string hash seeds (random per process), JIT tiering and PGO, server or workstation GC,
/// culture, time zone and working directory. The templates are the same bytes.
/// </summary>
[Collection(MotoCollection.Name)] // with ExampleProgramTests, which also runs the example's synth (it rewrites the typed access file)
public sealed class ExampleDeterminismTests
{
    [Fact]
    public async Task TheExample_SynthesizedInTwoDifferentProcesses_IsTheSameBytes()
    {
        var root = Path.Combine(Path.GetTempPath(), "stelvio-determinism-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = await SynthAsync(Path.Combine(root, "a"), new()
            {
                ["DOTNET_TieredCompilation"] = "0",
                ["DOTNET_TieredPGO"] = "0",
                ["DOTNET_gcServer"] = "1",
                ["DOTNET_gcConcurrent"] = "0",
                ["LANG"] = "de_DE.UTF-8",
                ["LC_ALL"] = "de_DE.UTF-8",
                ["TZ"] = "Asia/Kolkata",
            });
            var second = await SynthAsync(Path.Combine(root, "b"), new()
            {
                ["DOTNET_TieredCompilation"] = "1",
                ["DOTNET_TC_QuickJitForLoops"] = "0",
                ["DOTNET_ReadyToRun"] = "0",
                ["DOTNET_gcServer"] = "0",
                ["LANG"] = "en_US.UTF-8",
                ["LC_ALL"] = "C",
                ["TZ"] = "America/Los_Angeles",
            });

            Assert.True(first.Length > 1_000, "the template was written");
            Assert.Equal(first, second);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task<byte[]> SynthAsync(string folder, Dictionary<string, string> environment)
    {
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Orders.dll"));
        foreach (var argument in new[] { "synth", "--stage", "det", "--output", folder })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"synth failed ({process.ExitCode}): {await output}{await error}");
        return await File.ReadAllBytesAsync(Path.Combine(folder, "shop-det.template.json"));
    }
}
