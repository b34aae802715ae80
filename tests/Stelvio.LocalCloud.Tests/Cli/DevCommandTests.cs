using System.Diagnostics;
using System.Globalization;
using Stelvio.Cli;

namespace Stelvio.LocalCloud.Tests.Cli;

/// <summary>
/// <c>dev -- COMMAND</c> through the real command line: the command runs with the local cloud's environment, the
/// invocations it causes are shown, and the exit code is the command's, or 1 when the app failed; Ctrl+C stops it all.
/// </summary>
public sealed class DevCommandTests
{
    // A client as users write them: boto3 with no settings, the table's name from the environment dev gives it.
    private const string PutItems = """
        import os, sys, boto3
        table = os.environ["STLV_ITEMS_TABLE_NAME"]
        db = boto3.client("dynamodb")
        for item in sys.argv[1:]:
            db.put_item(TableName=table, Item={"id": {"S": item}})
        print("wrote", len(sys.argv) - 1, "items to", table, "at", os.environ["AWS_ENDPOINT_URL_DYNAMODB"])
        """;

    [Fact]
    public async Task TheCommand_RunsAgainstTheLocalCloud_AndEachInvocationItCausesIsShown_ThenASummary()
    {
        var (exit, output) = await CliApp.RunAsync(["dev", "--stage", "t1", "--no-watch", "--", "python3", "-c", PutItems, "a-1", "a-2"]);

        Assert.True(exit == ExitCodes.Success, output);
        Assert.Contains("Tables\n  clitest-t1-items  ItemsTable  stream\n", output, StringComparison.Ordinal);
        Assert.Contains("Subscriptions\n  clitest-t1-items stream → clitest-t1-items-record  batch 100, LATEST, 0 retries\n", output, StringComparison.Ordinal);
        AssertOutput.Matches(@"\nwrote 2 items to clitest-t1-items at http://127\.0\.0\.1:\d+\n", output);
        // Both records, in one batch or two, each shown with the handler's own lines.
        AssertOutput.Matches(@"\d\d:\d\d:\d\d\.\d{3}  clitest-t1-items-record  clitest-t1-items stream, [12] records?  \d+ ms  cold( \(init \d+ ms\))?  OK\n", output);
        Assert.Contains("    │ INSERT a-1\n", output, StringComparison.Ordinal);
        Assert.Contains("    │ INSERT a-2\n", output, StringComparison.Ordinal);
        AssertOutput.Matches(@"Summary: python3 exited with 0; [12] invocations? \(clitest-t1-items-record [12]\), 0 failed, 0 denied calls, 0 discarded batches\.\n", output);
    }

    [Fact]
    public async Task ACommandThatFails_GivesItsExitCode()
    {
        var (exit, output) = await CliApp.RunAsync(["dev", "--stage", "t2", "--no-watch", "--", "python3", "-c", "import sys; print('failing'); sys.exit(3)"]);

        Assert.True(exit == 3, output);
        Assert.Contains("\nfailing\n", output, StringComparison.Ordinal);
        Assert.Contains("Summary: python3 exited with 3; 0 invocations, 0 failed, 0 denied calls, 0 discarded batches.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommandThatSucceeds_WhileAHandlerFailsAndACallIsDenied_Gives1()
    {
        // The record with 'fail' fails its batch (given up at once: MaxRetryAttempts 0); the greeter writes to a table it
        // is not linked to.
        const string Client = """
            import json, os, boto3
            boto3.client("dynamodb").put_item(TableName=os.environ["STLV_ITEMS_TABLE_NAME"], Item={"id": {"S": "b-1"}, "fail": {"BOOL": True}})
            answer = boto3.client("lambda").invoke(FunctionName=os.environ["STLV_GREETER_FUNCTION_NAME"], Payload=json.dumps({"write": os.environ["STLV_ITEMS_TABLE_NAME"]}))
            print("greeter:", answer.get("FunctionError"))
            """;

        var (exit, output) = await CliApp.RunAsync(["dev", "--stage", "t3", "--no-watch", "--", "python3", "-c", Client]);

        Assert.True(exit == ExitCodes.Failure, output);
        Assert.Contains("\ngreeter: Unhandled\n", output, StringComparison.Ordinal);
        AssertOutput.Matches(@"  clitest-t3-items-record  clitest-t3-items stream, 1 record  \d+ ms  cold( \(init \d+ ms\))?  ERROR ValueError: cannot process item b-1\n", output);
        AssertOutput.Matches(@"  DENIED  clitest-t3-greeter  dynamodb:PutItem  arn:aws:dynamodb:us-east-1:000000000000:table/clitest-t3-items\n", output);
        AssertOutput.Matches(@"  clitest-t3-greeter  invoke  \d+ ms  cold( \(init \d+ ms\))?  ERROR ClientError: An error occurred \(AccessDeniedException\) when calling the PutItem operation: User: arn:aws:sts::000000000000:assumed-role/clitest-t3-GreeterRole-\w+/clitest-t3-greeter is not authorized to perform: dynamodb:PutItem", output);
        Assert.Contains("  DISCARDED  clitest-t3-items-record  1 records (RetryAttemptsExhausted)", output, StringComparison.Ordinal);
        AssertOutput.Matches(@"Summary: python3 exited with 0; 2 invocations \(.*\), 2 failed, 1 denied call, 1 discarded batch\.\n", output);
        Assert.Contains("Exit code 1: the command succeeded, but the app did not (see above).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CtrlC_StopsTheCommand_TheFunctionsAndTheLocalCloud_WithExitCode130()
    {
        // The command starts a function process (an invocation) and prints its own and the function's process IDs, then waits.
        const string Client = """
            import json, os, time, boto3
            answer = boto3.client("lambda").invoke(FunctionName=os.environ["STLV_GREETER_FUNCTION_NAME"], Payload=b"{}")
            print("pids", os.getpid(), json.loads(answer["Payload"].read())["pid"], flush=True)
            time.sleep(600)
            """;
        var output = new ObservedWriter();
        using var interrupt = new CancellationTokenSource();

        var dev = CliApp.RunAsync(["dev", "--stage", "t4", "--", "python3", "-c", Client], output, interrupt.Token);
        var line = await output.LineContainingAsync("pids ").WaitAsync(TimeSpan.FromMinutes(2));
        var pids = line.Split(' ')[1..].Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        await interrupt.CancelAsync(); // what Ctrl+C does
        var (exit, text) = await dev;

        Assert.True(exit == ExitCodes.Interrupted, text);
        Assert.Contains("Stopped the local cloud and every process it started.", text, StringComparison.Ordinal);
        foreach (var pid in pids)
        {
            Assert.False(IsRunning(pid), $"process {pid} still runs after dev stopped:\n{text}");
        }
    }

    [Fact]
    public async Task WithoutACommand_DevRunsUntilCtrlC()
    {
        var output = new ObservedWriter();
        using var interrupt = new CancellationTokenSource();

        var dev = CliApp.RunAsync(["dev", "--stage", "t6"], output, interrupt.Token);
        await output.LineContainingAsync("Ready; watching the function folders").WaitAsync(TimeSpan.FromMinutes(2));
        await interrupt.CancelAsync();
        var (exit, text) = await dev;

        Assert.True(exit == ExitCodes.Interrupted, text);
        Assert.EndsWith("Stopped the local cloud and every process it started.\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangedFunction_IsRebuiltAndSwappedIn_WhileDevRuns()
    {
        // A copy of the app, whose greeter the command rewrites, then invokes until it answers with the new code.
        var project = Directory.CreateTempSubdirectory("stelvio-dev-watch-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(project, "functions"));
            foreach (var file in Directory.GetFiles(Path.Combine(CliApp.Directory, "functions"), "*.py"))
            {
                File.Copy(file, Path.Combine(project, "functions", Path.GetFileName(file)));
            }

            const string Client = """
                import json, os, sys, time, boto3
                lam = boto3.client("lambda")
                def hello():
                    answer = lam.invoke(FunctionName=os.environ["STLV_GREETER_FUNCTION_NAME"], Payload=b"{}")
                    return json.loads(answer["Payload"].read())["hello"]
                print("before:", hello(), flush=True)
                with open(sys.argv[1], "w") as handler:
                    handler.write("def handler(event, context):\n    return {'hello': 'swapped'}\n")
                deadline = time.time() + 120
                while hello() != "swapped" and time.time() < deadline:
                    time.sleep(0.2)
                print("after:", hello())
                """;
            var definition = new AppDefinition(CliApp.Name, CliApp.Declare, project);

            var (exit, output) = await CliApp.RunAsync(
                ["dev", "--stage", "t5", "--", "python3", "-c", Client, Path.Combine(project, "functions", "greeter.py")], definition: definition);

            Assert.True(exit == ExitCodes.Success, output);
            Assert.Contains("\nbefore: world\n", output, StringComparison.Ordinal);
            Assert.Contains("Changed: functions; rebuilding\n", output, StringComparison.Ordinal);
            Assert.Contains("Swapped in the new code of ", output, StringComparison.Ordinal);
            Assert.Contains("\nafter: swapped\n", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    /// <summary>Whether a process runs (a zombie, killed and not yet reaped by its new parent, does not).</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return !process.HasExited && stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or InvalidOperationException)
        {
            return false;
        }
    }
}
