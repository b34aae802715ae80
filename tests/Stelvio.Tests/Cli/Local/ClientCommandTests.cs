using System.Diagnostics;
using System.Globalization;
using Stelvio.Cli.Local;

namespace Stelvio.Tests.Cli.Local;

/// <summary>The command <c>dev</c> runs after <c>--</c>: its environment, its output, its exit code, and that cancelling stops it and its children.</summary>
public sealed class ClientCommandTests
{
    private static readonly string WorkingDirectory = Path.GetTempPath();

    [Fact]
    public async Task RunsWithTheAddedEnvironment_StreamsBothOutputs_AndReturnsTheExitCode()
    {
        var lines = new List<(string Text, bool Error)>();
        var script = "import os, sys\nprint('table', os.environ['STLV_ORDERS_TABLE_NAME'])\nprint('oops', file=sys.stderr)\nsys.exit(3)";

        var exit = await ClientCommand.RunAsync(["python3", "-c", script], new Dictionary<string, string> { ["STLV_ORDERS_TABLE_NAME"] = "shop-x-orders" }, WorkingDirectory, (text, error) =>
        {
            lock (lines)
            {
                lines.Add((text, error));
            }
        }, CancellationToken.None);

        Assert.Equal(3, exit);
        Assert.Contains(("table shop-x-orders", false), lines);
        Assert.Contains(("oops", true), lines);
    }

    [Fact]
    public async Task AProgramThatDoesNotExist_IsAClearError()
    {
        var exception = await Assert.ThrowsAsync<LocalCommandException>(() =>
            ClientCommand.RunAsync(["stelvio-no-such-program"], new Dictionary<string, string>(), WorkingDirectory, (_, _) => { }, CancellationToken.None));

        Assert.StartsWith("Could not start 'stelvio-no-such-program'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_StopsTheCommandAndTheProcessesItStarted()
    {
        // The command starts a child of its own (a sleeping python3) and prints both process IDs.
        var script = "import os, subprocess, sys, time\nchild = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])\nprint(os.getpid(), child.pid, flush=True)\ntime.sleep(600)";
        var pids = new TaskCompletionSource<int[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = new CancellationTokenSource();

        var run = ClientCommand.RunAsync(["python3", "-c", script], new Dictionary<string, string>(), WorkingDirectory,
            (text, _) => pids.TrySetResult([.. text.Split(' ').Select(p => int.Parse(p, CultureInfo.InvariantCulture))]), cancellation.Token);
        var started = await pids.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        foreach (var pid in started)
        {
            Assert.True(await HasEndedAsync(pid), $"process {pid} still runs");
        }
    }

    /// <summary>Whether the process is gone: it was sent SIGKILL, so it ends as soon as the kernel has delivered it.</summary>
    internal static async Task<bool> HasEndedAsync(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            return true;
        }
        catch (ArgumentException)
        {
            return true; // No such process.
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
