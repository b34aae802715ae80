using Spectre.Console;
using Spectre.Console.Testing;
using Stelvio.Cli.Local;
using Stelvio.LocalCloud.Lambda;

namespace Stelvio.Tests.Cli.Local;

/// <summary>The live lines of <c>dev</c> and <c>invoke</c>'s account of an invocation.</summary>
public sealed class InvocationLinesTests : IDisposable
{
    private const string StreamSource = "4b2c… arn:aws:dynamodb:us-east-1:000000000000:table/shop-demo-orders/stream/2026-12-02T11:00:00.000";
    private readonly TestConsole console = new();

    public InvocationLinesTests()
    {
        console.Profile.Width = 400;
    }

    public void Dispose() => console.Dispose();

    [Fact]
    public void ASuccessfulStreamInvocation_IsOneLineWithTriggerRecordsDurationAndStart_ThenItsOwnLogLines()
    {
        var logs = "START RequestId: r-1 Version: $LATEST\n2026-12-02T11:00:01.000Z\tr-1\tINFO\tNew order: {\"customer_id\":\"c-1\"}\nplain line\nEND RequestId: r-1\nREPORT RequestId: r-1\tDuration: 41.00 ms\n";
        var result = Result(null, logs, new InvocationTrigger("stream", StreamSource, 3), cold: true);

        InvocationLines.Write(console, result);

        var lines = console.Lines;
        Assert.Matches(@"^\d\d:\d\d:\d\d\.\d\d\d  shop-demo-orders-process-orders  shop-demo-orders stream, 3 records  41 ms  cold \(init 120 ms\)  OK$", lines[0]);
        Assert.Equal("    │ INFO New order: {\"customer_id\":\"c-1\"}", lines[1]);
        Assert.Equal("    │ plain line", lines[2]);
        Assert.Equal(3, lines.Count(l => l.Length > 0));
    }

    [Fact]
    public void AFailedInvocation_ShowsTheErrorAndItsStackTrace_EachLineIndented()
    {
        var error = new FunctionError("System.InvalidOperationException", "No stock for c-1", ["at Orders.Functions.InventoryHandlers.UpdateStock()", "  File \"handler.py\", line 7, in process\n    raise ValueError()\n"]);
        var result = Result(error, "", new InvocationTrigger("cli", null, 0), cold: false);

        InvocationLines.Write(console, result);

        Assert.EndsWith("cli  41 ms  warm  ERROR System.InvalidOperationException: No stock for c-1", console.Lines[0], StringComparison.Ordinal);
        Assert.Equal("      at Orders.Functions.InventoryHandlers.UpdateStock()", console.Lines[1]);
        Assert.Equal("      File \"handler.py\", line 7, in process", console.Lines[2]);
        Assert.Equal("      raise ValueError()", console.Lines[3]);
    }

    [Theory]
    [InlineData("stream", StreamSource, 1, "shop-demo-orders stream, 1 record")]
    [InlineData("stream", null, 2, "stream, 2 records")]
    [InlineData("invoke", "process-user", 0, "invoke")]
    public void TheTriggerInWords(string kind, string? source, int records, string expected) =>
        Assert.Equal(expected, InvocationLines.Trigger(new InvocationTrigger(kind, source, records)));

    [Fact]
    public void ADeniedCall_NamesTheFunctionActionAndResource()
    {
        console.MarkupLine(InvocationLines.Denied(DateTimeOffset.UnixEpoch, "process-user", "dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:000000000000:table/shop-x-orders"));

        Assert.EndsWith("  DENIED  process-user  dynamodb:PutItem  arn:aws:dynamodb:us-east-1:000000000000:table/shop-x-orders", console.Lines[0], StringComparison.Ordinal);
    }

    private static InvocationResult Result(FunctionError? error, string logs, InvocationTrigger trigger, bool cold) =>
        new("r-1", "shop-demo-orders-process-orders", trigger, "{}"u8.ToArray(), error, logs, DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(41), cold, cold ? TimeSpan.FromMilliseconds(120) : null);
}
