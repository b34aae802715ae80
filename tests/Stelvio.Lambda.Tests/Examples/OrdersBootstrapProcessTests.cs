using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Stelvio.Lambda.Tests.Support;

namespace Stelvio.Lambda.Tests.Examples;

/// <summary>
/// The example's real <c>bootstrap</c> executable (its build output, copied beside the tests) started as
/// Lambda starts it, against the fake Runtime API.
/// </summary>
// ProcessChanges writes what it saw to the order-changes table: the process inherits the environment pointing at it.
[Collection(OrderChangesCollection.Name)]
public class OrdersBootstrapProcessTests
{
    [Fact]
    public async Task Bootstrap_ProcessChanges_ServesStreamEventsAndLogsThem()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        using var function = Start(api, "OrderHandlers.ProcessChanges");

        var outcomes = new List<FakeOutcome>();
        foreach (var fixture in new[] { "dynamodb-insert.json", "dynamodb-modify.json", "dynamodb-remove.json" })
        {
            outcomes.Add(await api.OutcomeAsync(api.Enqueue(Fixtures.Read(fixture))));
        }

        var log = function.Stop();
        Assert.All(outcomes, o => Assert.False(o.IsError, o.Body));
        Assert.Contains("\treq-0001\tINFO\tNew order: {\"customer_id\":{\"S\":\"c-100\"}", log);
        Assert.Contains("\treq-0002\tINFO\tOrder updated: {", log);
        Assert.Contains("\"status\":{\"S\":\"pending\"},\"total\":{\"N\":\"42.5\"}} -> {\"customer_id\"", log);
        Assert.Contains("\treq-0003\tINFO\tOrder deleted: {", log);
    }

    [Fact]
    public async Task Bootstrap_WithNamespacedHandler_PostsAPartialBatchResponse()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        using var function = Start(api, "functions/Orders::Orders.Functions.InventoryHandlers.UpdateStock");

        var outcome = await api.OutcomeAsync(api.Enqueue(Fixtures.Read("dynamodb-ttl-all-types.json")));

        function.Stop();
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"444400000000000000004"},{"itemIdentifier":"555500000000000000005"}]}""", outcome.Body);
    }

    [Fact]
    public async Task Bootstrap_WithUnknownHandler_ReportsInitErrorAndExits()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        using var function = Start(api, "OrderHandlers.Missing");

        var error = await api.InitError.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(function.Process.WaitForExit(TimeSpan.FromSeconds(30)), "bootstrap did not exit after the init error");
        Assert.Equal(1, function.Process.ExitCode);
        Assert.Contains("Registered handlers: OrderHandlers.ProcessChanges, InventoryHandlers.UpdateStock, UserHandlers.Handle.", error.Body);
    }

    [Fact]
    public async Task Bootstrap_ListHandlers_PrintsTheRegisteredNamesAndExitsWithoutTheRuntimeApi()
    {
        var info = Info();
        info.ArgumentList.Add(LambdaHost.ListHandlersOption);
        using var process = Process.Start(info)!;

        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, process.ExitCode);
        Assert.Equal("OrderHandlers.ProcessChanges\nInventoryHandlers.UpdateStock\nUserHandlers.Handle\n", stdout);
    }

    private static RunningFunction Start(FakeRuntimeApi api, string handler)
    {
        var info = Info();
        info.Environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        info.Environment["_HANDLER"] = handler;
        info.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "shop-test-orders-process-orders";
        return new RunningFunction(Process.Start(info)!);
    }

    private static ProcessStartInfo Info()
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "bootstrap"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment.Remove("AWS_LAMBDA_RUNTIME_API");
        // The apphost finds the runtime the tests run on.
        info.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        return info;
    }

    private sealed class RunningFunction : IDisposable
    {
        private readonly StringBuilder output = new();

        public RunningFunction(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        /// <summary>Ends the process (a bootstrap never exits on its own) and returns what it printed.</summary>
        public string Stop()
        {
            if (!Process.HasExited)
            {
                Process.Kill();
            }

            Process.WaitForExit();
            lock (output)
            {
                return output.ToString();
            }
        }

        public void Dispose()
        {
            Stop();
            Process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }
    }
}
