using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Stelvio.LocalCloud.EventSources;
using Stelvio.LocalCloud.Lambda;

namespace Stelvio.LocalCloud.Tests.EventSources;

public sealed class ErrorHandlingTests
{
    [Fact]
    public async Task A_failed_batch_is_retried_in_order_and_blocks_the_shard_until_it_succeeds()
    {
        await using var fixture = new StreamFixture();
        var events = new List<MappingEvent>();
        fixture.Invoker.Handler = call => Task.FromResult(call.Index < 2 ? FakeInvoker.Answer.Fail() : FakeInvoker.Answer.Ok());
        fixture.Put("a");
        fixture.Put("b");
        var mappings = fixture.Start(
            new EventSourceOptions { RetryDelay = _ => TimeSpan.Zero, OnEvent = e => { lock (events) { events.Add(e); } } },
            fixture.Mapping() with { BatchSize = 1 });
        await StreamFixture.Idle(mappings);

        Assert.Equal(["a", "a", "a", "b"], fixture.Invoker.Calls.SelectMany(c => c.Ids));
        Assert.Empty(mappings.FailedBatches);
        Assert.Equal(
            [MappingEventKind.Failed, MappingEventKind.Retrying, MappingEventKind.Failed, MappingEventKind.Retrying, MappingEventKind.Delivered, MappingEventKind.Delivered],
            events.Select(e => e.Kind));
        Assert.Equal([0, 1, 1, 2, 2, 0], events.Select(e => e.Attempt));
        Assert.Equal("System.InvalidOperationException: boom", events[0].Error);
    }

    [Theory]
    [InlineData("Sandbox.Timedout", "Task timed out after 3.00 seconds")]
    [InlineData("Runtime.ExitError", "RequestId: 1 Error: Runtime exited with error: exit status 134")]
    [InlineData("System.InvalidOperationException", "boom")]
    public async Task Timeouts_crashes_and_function_errors_are_retried_then_discarded_as_Unhandled(string errorType, string message)
    {
        await using var fixture = new StreamFixture();
        fixture.Invoker.Handler = _ => Task.FromResult(new FakeInvoker.Answer(null, new FunctionError(errorType, message, [])));
        fixture.Put("a");
        var errors = new List<string?>();
        var mappings = fixture.Start(
            new EventSourceOptions { RetryDelay = _ => TimeSpan.Zero, OnEvent = e => { if (e.Kind == MappingEventKind.Failed) { errors.Add(e.Error); } } },
            fixture.Mapping() with { MaximumRetryAttempts = 1 });
        await StreamFixture.Idle(mappings);

        Assert.Equal([["a"], ["a"]], fixture.Invoker.Calls.Select(c => c.Ids));
        Assert.Equal([$"{errorType}: {message}", $"{errorType}: {message}"], errors);
        var failed = Assert.Single(mappings.FailedBatches);
        Assert.Contains("\"functionError\":\"Unhandled\"", failed.Record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocked_shard_reports_its_retry_and_last_error()
    {
        await using var fixture = new StreamFixture();
        var third = new TaskCompletionSource<FakeInvoker.Answer>();
        fixture.Invoker.Handler = call => call.Index < 2 ? Task.FromResult(FakeInvoker.Answer.Fail("db down")) : third.Task;
        fixture.Put("a");
        var mappings = fixture.Start(fixture.Mapping());
        await fixture.Invoker.WhenCalls(3);

        var lane = mappings.States.Single().Lanes.Single();
        Assert.Equal(LaneStatus.Invoking, lane.Status);
        Assert.Equal(2, lane.Retries);
        Assert.Equal("System.InvalidOperationException: db down", lane.LastError);
        Assert.Contains("retry 2", mappings.States.Single().ToString(), StringComparison.Ordinal);
        third.SetResult(FakeInvoker.Answer.Ok());
        await StreamFixture.Idle(mappings);
    }

    [Fact]
    public async Task MaximumRetryAttempts_discards_the_batch_with_the_failure_record_and_moves_on()
    {
        await using var fixture = new StreamFixture();
        fixture.Invoker.Handler = call => Task.FromResult(call.Ids.Contains("a") ? FakeInvoker.Answer.Fail() : FakeInvoker.Answer.Ok());
        fixture.Put("a");
        fixture.Put("b");
        var mapping = fixture.Mapping() with { BatchSize = 1, MaximumRetryAttempts = 2, OnFailureDestination = "arn:aws:sqs:us-east-1:000000000000:dlq" };
        var mappings = fixture.Start(mapping);
        await StreamFixture.Idle(mappings);

        Assert.Equal(["a", "a", "a", "b"], fixture.Invoker.Calls.SelectMany(c => c.Ids));
        var failed = Assert.Single(mappings.FailedBatches);
        Assert.Equal("RetryAttemptsExhausted", failed.Condition);
        Assert.Equal("arn:aws:sqs:us-east-1:000000000000:dlq", failed.Destination);
        Assert.Equal(mapping.Uuid, failed.MappingUuid);
        using var record = JsonDocument.Parse(failed.Record);
        var root = record.RootElement;
        Assert.Equal(["requestContext", "responseContext", "version", "timestamp", "DDBStreamBatchInfo"], root.EnumerateObject().Select(p => p.Name));
        var context = root.GetProperty("requestContext");
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:handler", context.GetProperty("functionArn").GetString());
        Assert.Equal("RetryAttemptsExhausted", context.GetProperty("condition").GetString());
        Assert.Equal(3, context.GetProperty("approximateInvokeCount").GetInt32());
        Assert.Equal("{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":\"Unhandled\"}", root.GetProperty("responseContext").GetRawText());
        Assert.Equal("1.0", root.GetProperty("version").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", root.GetProperty("timestamp").GetString());
        var info = root.GetProperty("DDBStreamBatchInfo");
        var sequence = fixture.Invoker.Calls[0].SequenceNumber(0);
        Assert.StartsWith("shardId-", info.GetProperty("shardId").GetString(), StringComparison.Ordinal);
        Assert.Equal(sequence, info.GetProperty("startSequenceNumber").GetString());
        Assert.Equal(sequence, info.GetProperty("endSequenceNumber").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", info.GetProperty("approximateArrivalOfFirstRecord").GetString());
        Assert.Equal(1, info.GetProperty("batchSize").GetInt32());
        Assert.Equal(fixture.StreamArn, info.GetProperty("streamArn").GetString());
    }

    [Fact]
    public async Task Records_older_than_MaximumRecordAge_are_discarded_before_a_retry_and_before_a_first_invocation()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var fixture = new StreamFixture(time: time);
        fixture.Invoker.Handler = _ =>
        {
            time.Advance(TimeSpan.FromSeconds(61));
            return Task.FromResult(FakeInvoker.Answer.Fail());
        };
        fixture.Put("a");
        fixture.Put("b");
        var mappings = fixture.Start(fixture.Mapping() with { BatchSize = 1, MaximumRecordAge = TimeSpan.FromSeconds(60) });
        await StreamFixture.Idle(mappings);

        Assert.Equal(["a"], fixture.Invoker.Calls.SelectMany(c => c.Ids));
        Assert.Equal(["RecordAgeExceeded", "RecordAgeExceeded"], mappings.FailedBatches.Select(f => f.Condition));
        using var invoked = JsonDocument.Parse(mappings.FailedBatches[0].Record);
        Assert.Equal(1, invoked.RootElement.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
        using var never = JsonDocument.Parse(mappings.FailedBatches[1].Record);
        Assert.Equal(0, never.RootElement.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
        Assert.False(never.RootElement.TryGetProperty("responseContext", out _));
    }

    [Fact]
    public async Task BisectBatchOnFunctionError_splits_until_the_bad_record_is_alone_without_using_retries()
    {
        await using var fixture = new StreamFixture();
        fixture.Invoker.Handler = call => Task.FromResult(call.Ids.Contains("c") ? FakeInvoker.Answer.Fail() : FakeInvoker.Answer.Ok());
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            fixture.Put(id);
        }
        var mappings = fixture.Start(fixture.Mapping() with { BisectBatchOnFunctionError = true, MaximumRetryAttempts = 1 });
        await StreamFixture.Idle(mappings);

        Assert.Equal([["a", "b", "c", "d"], ["a", "b"], ["c", "d"], ["c"], ["c"], ["d"]], fixture.Invoker.Calls.Select(c => c.Ids));
        var failed = Assert.Single(mappings.FailedBatches);
        using var record = JsonDocument.Parse(failed.Record);
        Assert.Equal(4, record.RootElement.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
        Assert.Equal(1, record.RootElement.GetProperty("DDBStreamBatchInfo").GetProperty("batchSize").GetInt32());
    }

    [Fact]
    public async Task ReportBatchItemFailures_checkpoints_before_the_lowest_failed_record_and_retries_from_it()
    {
        await using var fixture = new StreamFixture();
        fixture.Invoker.Handler = call => Task.FromResult(call.Index == 0
            ? FakeInvoker.Answer.Ok($"{{\"batchItemFailures\":[{{\"itemIdentifier\":\"{call.SequenceNumber(3)}\"}},{{\"itemIdentifier\":\"{call.SequenceNumber(2)}\"}}]}}")
            : FakeInvoker.Answer.Ok("{\"batchItemFailures\":[]}"));
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            fixture.Put(id);
        }
        var mappings = fixture.Start(fixture.Mapping() with { ReportBatchItemFailures = true });
        await StreamFixture.Idle(mappings);

        Assert.Equal([["a", "b", "c", "d"], ["c", "d"]], fixture.Invoker.Calls.Select(c => c.Ids));
        Assert.Empty(mappings.FailedBatches);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"batchItemFailures\":null}")]
    [InlineData("{\"batchItemFailures\":[]}")]
    public async Task An_empty_or_null_failure_list_is_success(string response)
    {
        await using var fixture = new StreamFixture();
        fixture.Invoker.Handler = _ => Task.FromResult(FakeInvoker.Answer.Ok(response));
        fixture.Put("a");
        fixture.Put("b");
        var mappings = fixture.Start(fixture.Mapping() with { ReportBatchItemFailures = true });
        await StreamFixture.Idle(mappings);

        Assert.Equal([["a", "b"]], fixture.Invoker.Calls.Select(c => c.Ids));
    }

    [Theory]
    [InlineData("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}")]
    [InlineData("{\"batchItemFailures\":[{\"itemIdentifier\":null}]}")]
    [InlineData("{\"batchItemFailures\":[{\"id\":\"x\"}]}")]
    [InlineData("{\"batchItemFailures\":[{\"itemIdentifier\":\"999999999999999999999\"}]}")]
    [InlineData("{\"batchItemFailures\":\"all\"}")]
    [InlineData("\"done\"")]
    [InlineData("not json")]
    public async Task A_malformed_report_or_an_unknown_identifier_fails_the_whole_batch(string response)
    {
        await using var fixture = new StreamFixture();
        fixture.Invoker.Handler = call => Task.FromResult(FakeInvoker.Answer.Ok(call.Index == 0 ? response : null));
        fixture.Put("a");
        fixture.Put("b");
        var mappings = fixture.Start(fixture.Mapping() with { ReportBatchItemFailures = true });
        await StreamFixture.Idle(mappings);

        Assert.Equal([["a", "b"], ["a", "b"]], fixture.Invoker.Calls.Select(c => c.Ids));
    }

    [Fact]
    public async Task Without_ReportBatchItemFailures_a_reported_failure_is_ignored()
    {
        await using var fixture = new StreamFixture();
        fixture.Invoker.Handler = call => Task.FromResult(FakeInvoker.Answer.Ok($"{{\"batchItemFailures\":[{{\"itemIdentifier\":\"{call.SequenceNumber(0)}\"}}]}}"));
        fixture.Put("a");
        var mappings = fixture.Start(fixture.Mapping());
        await StreamFixture.Idle(mappings);

        Assert.Single(fixture.Invoker.Calls);
    }

    [Fact]
    public async Task Partial_failures_with_bisect_retry_only_the_remaining_records()
    {
        await using var fixture = new StreamFixture();
        fixture.Invoker.Handler = call => Task.FromResult(call.Index == 0
            ? FakeInvoker.Answer.Ok($"{{\"batchItemFailures\":[{{\"itemIdentifier\":\"{call.SequenceNumber(1)}\"}}]}}")
            : FakeInvoker.Answer.Ok());
        foreach (var id in new[] { "a", "b", "c" })
        {
            fixture.Put(id);
        }
        var mappings = fixture.Start(fixture.Mapping() with { ReportBatchItemFailures = true, BisectBatchOnFunctionError = true });
        await StreamFixture.Idle(mappings);

        Assert.Equal([["a", "b", "c"], ["b", "c"]], fixture.Invoker.Calls.Select(c => c.Ids));
    }

    [Fact]
    public async Task An_invoker_that_throws_is_retried_like_a_failed_invocation()
    {
        await using var fixture = new StreamFixture();
        fixture.Invoker.Handler = call => call.Index == 0 ? throw new IOException("socket closed") : Task.FromResult(FakeInvoker.Answer.Ok());
        fixture.Put("a");
        var mappings = fixture.Start(fixture.Mapping());
        await StreamFixture.Idle(mappings);

        Assert.Equal([["a"], ["a"]], fixture.Invoker.Calls.Select(c => c.Ids));
    }
}
