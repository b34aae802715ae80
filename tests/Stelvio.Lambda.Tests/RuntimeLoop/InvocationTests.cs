using System.Text.Json;
using Stelvio.Lambda.Context;
using Stelvio.Lambda.Events.DynamoDB;
using Stelvio.Lambda.Serialization;
using Stelvio.Lambda.Tests.Support;

namespace Stelvio.Lambda.Tests.RuntimeLoop;

public class InvocationTests
{
    [Fact]
    public async Task StreamHandler_ReceivesTheTypedEventAndPostsAnEmptyResponse()
    {
        DynamoDBEvent? received = null;
        await using var harness = await RuntimeLoopHarness.StartAsync(
            h => h.Add((e, c) => { received = e; return Task.CompletedTask; }, name: "Orders.Process"), "Orders.Process");

        var outcome = await harness.InvokeAsync(Fixtures.Read("dynamodb-modify.json"));

        Assert.False(outcome.IsError);
        Assert.Equal("", outcome.Body);
        var record = Assert.Single(received!.Records);
        Assert.Equal(DynamoDBEventNames.Modify, record.EventName);
        Assert.Equal("shipped", record.Dynamodb.NewImage!["status"].S);
    }

    [Fact]
    public async Task PartialBatchHandler_PostsBatchItemFailures()
    {
        await using var harness = await RuntimeLoopHarness.StartAsync(
            h => h.Add((e, c) => Task.FromResult(new StreamsEventResponse().Fail(e.Records[0])), name: "Orders.Report"), "Orders.Report");

        var outcome = await harness.InvokeAsync(Fixtures.Read("dynamodb-insert.json"));

        Assert.False(outcome.IsError);
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"111100000000000000001"}]}""", outcome.Body);
    }

    [Fact]
    public async Task GenericHandler_ReadsAndWritesWithItsTypeInfo()
    {
        await using var harness = await RuntimeLoopHarness.StartAsync(
            h => h.Add(
                (JsonElement e, ILambdaContext c) => Task.FromResult(e.GetProperty("n").GetInt32() * 2),
                LambdaJsonContext.Default.JsonElement,
                TestJsonContext.Default.Int32,
                name: "Math.Double"),
            "Math.Double");

        var outcome = await harness.InvokeAsync("""{"n": 21}""");

        Assert.Equal("42", outcome.Body);
    }

    [Fact]
    public async Task Context_CarriesTheInvocationHeadersAndFunctionSettings()
    {
        ILambdaContext? seen = null;
        TimeSpan remaining = default;
        await using var harness = await RuntimeLoopHarness.StartAsync(
            h => h.Add((e, c) => { seen = c; remaining = c.RemainingTime; return Task.CompletedTask; }, name: "Orders.Process"), "Orders.Process");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);

        await harness.InvokeAsync(Fixtures.Read("dynamodb-insert.json"), deadline, traceId: "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");

        Assert.Equal("req-0001", seen!.AwsRequestId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(deadline.ToUnixTimeMilliseconds()), seen.Deadline);
        Assert.InRange(remaining, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal(FakeRuntimeApi.DefaultArn, seen.InvokedFunctionArn);
        Assert.Equal("shop-test-orders-process-orders", seen.FunctionName);
        Assert.Equal("$LATEST", seen.FunctionVersion);
        Assert.Equal(512, seen.MemoryLimitInMB);
        Assert.Equal("/aws/lambda/shop-test-orders-process-orders", seen.LogGroupName);
        Assert.Equal("2024/11/26/[$LATEST]abc", seen.LogStreamName);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", seen.TraceId);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", harness.Environment.Values["_X_AMZN_TRACE_ID"]);
    }

    [Fact]
    public async Task TraceIdVariable_IsTheInvocationsDuringItsHandler_AndClearedForOneWithoutTraceHeader()
    {
        var seen = new List<string?>();
        RuntimeLoopHarness? harness = null;
        await using var started = harness = await RuntimeLoopHarness.StartAsync(
            h => h.Add((e, c) => { seen.Add(harness!.Environment.Values["_X_AMZN_TRACE_ID"]); return Task.CompletedTask; }, name: "Orders.Process"), "Orders.Process");

        await harness.InvokeAsync(Fixtures.Read("dynamodb-insert.json"), traceId: "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
        await harness.InvokeAsync(Fixtures.Read("dynamodb-insert.json"), traceId: null);

        Assert.Equal(["Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", null], seen);
    }

    [Fact]
    public async Task RemainingTime_AfterTheDeadline_IsZero()
    {
        TimeSpan remaining = TimeSpan.MaxValue;
        await using var harness = await RuntimeLoopHarness.StartAsync(
            h => h.Add((e, c) => { remaining = c.RemainingTime; return Task.CompletedTask; }, name: "Orders.Process"), "Orders.Process");

        await harness.InvokeAsync(Fixtures.Read("dynamodb-insert.json"), DateTimeOffset.UtcNow.AddSeconds(-5));

        Assert.Equal(TimeSpan.Zero, remaining);
    }

    [Fact]
    public async Task Logger_TagsLinesWithTheRequestId()
    {
        await using var harness = await RuntimeLoopHarness.StartAsync(
            h => h.Add((e, c) => { c.Logger.LogInformation("hello"); return Task.CompletedTask; }, name: "Orders.Process"), "Orders.Process");

        await harness.InvokeAsync(Fixtures.Read("dynamodb-insert.json"));

        Assert.EndsWith("\treq-0001\tINFO\thello" + Environment.NewLine, harness.Stdout.ToString());
    }

    [Fact]
    public async Task ThrowingHandler_PostsTheErrorWithTypeMessageAndStack()
    {
        await using var harness = await RuntimeLoopHarness.StartAsync(
            h => h.Add((e, c) => throw new InvalidOperationException("order c-100 has no total", new FormatException("bad number")), name: "Orders.Process"),
            "Orders.Process");

        var outcome = await harness.InvokeAsync(Fixtures.Read("dynamodb-insert.json"));

        Assert.True(outcome.IsError);
        Assert.Equal("System.InvalidOperationException", outcome.ErrorTypeHeader);
        using var error = JsonDocument.Parse(outcome.Body);
        Assert.Equal("order c-100 has no total ---> System.FormatException: bad number", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("System.InvalidOperationException", error.RootElement.GetProperty("errorType").GetString());
        Assert.Equal(JsonValueKind.Array, error.RootElement.GetProperty("stackTrace").ValueKind);
        Assert.Contains("\treq-0001\tERROR\tOrders.Process failed", harness.Stderr.ToString());
    }

    [Fact]
    public async Task AsyncFaultedHandler_PostsTheError()
    {
        await using var harness = await RuntimeLoopHarness.StartAsync(
            h => h.Add(async (e, c) => { await Task.Yield(); throw new TimeoutException("slow"); }, name: "Orders.Process"), "Orders.Process");

        var outcome = await harness.InvokeAsync(Fixtures.Read("dynamodb-insert.json"));

        Assert.True(outcome.IsError);
        Assert.Equal("System.TimeoutException", outcome.ErrorTypeHeader);
        Assert.Contains("\"errorMessage\":\"slow\"", outcome.Body);
    }

    [Fact]
    public async Task EventThatIsNotJson_IsAnInvocationError_AndTheNextInvocationStillRuns()
    {
        var calls = 0;
        await using var harness = await RuntimeLoopHarness.StartAsync(
            h => h.Add((e, c) => { calls++; return Task.CompletedTask; }, name: "Orders.Process"), "Orders.Process");

        var bad = await harness.InvokeAsync("not json");
        var good = await harness.InvokeAsync(Fixtures.Read("dynamodb-remove.json"));

        Assert.True(bad.IsError);
        Assert.Equal("System.Text.Json.JsonException", bad.ErrorTypeHeader);
        Assert.False(good.IsError);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task ResponseLambdaRefusesAsTooLarge_IsLogged_AndTheNextInvocationStillRuns()
    {
        await using var harness = await RuntimeLoopHarness.StartAsync(
            h => h.Add((JsonElement e, ILambdaContext c) => Task.FromResult(e.GetProperty("n").GetInt32()), LambdaJsonContext.Default.JsonElement, TestJsonContext.Default.Int32, name: "Math.Echo"),
            "Math.Echo");
        harness.Api.ResponseLimit = 2;

        var refused = await harness.InvokeAsync("""{"n": 123}""");
        var accepted = await harness.InvokeAsync("""{"n": 12}""");

        Assert.Equal("123", refused.Body);
        Assert.Equal("12", accepted.Body);
        Assert.Contains("Lambda refused the invocation's response: POST runtime/invocation/req-0001/response failed with HTTP 413", harness.Stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NullEvent_IsAnInvocationErrorNamingTheExpectedType()
    {
        await using var harness = await RuntimeLoopHarness.StartAsync(h => h.Add((e, c) => Task.CompletedTask, name: "Orders.Process"), "Orders.Process");

        var outcome = await harness.InvokeAsync("null");

        Assert.True(outcome.IsError);
        Assert.Contains("The event is JSON null; the handler expects DynamoDBEvent.", outcome.Body);
    }

    [Fact]
    public async Task RunAsync_ServesInvocationsUntilCancelled()
    {
        var seen = new List<string>();
        await using var harness = await RuntimeLoopHarness.StartAsync(
            h => h.Add((e, c) => { seen.Add(e.Records[0].EventName!); return Task.CompletedTask; }, name: "Orders.Process"), "Orders.Process");
        using var stop = new CancellationTokenSource();

        var run = harness.Bootstrap.RunAsync(stop.Token);
        var ids = new[] { "dynamodb-insert.json", "dynamodb-modify.json", "dynamodb-remove.json" }.Select(f => harness.Api.Enqueue(Fixtures.Read(f))).ToList();
        foreach (var id in ids)
        {
            Assert.False((await harness.Api.OutcomeAsync(id)).IsError);
        }

        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(["INSERT", "MODIFY", "REMOVE"], seen);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(int))]
internal sealed partial class TestJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
