using Stelvio.DynamoDB.Local;
using Stelvio.LocalCloud.EventSources;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Tests.EventSources;

public sealed class ValidationTests
{
    private const string StreamArn = "arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/2026-12-02T10:00:00.000";

    private static readonly LocalEventSourceMapping Valid = new(
        "OrdersSubscription", "uuid", StreamFixture.FunctionName, StreamArn, "LATEST", null, 100, TimeSpan.Zero, -1, null,
        false, false, 1, true, [], null, null);

    private static readonly Dictionary<string, (LocalEventSourceMapping Mapping, string Expected)> Invalid = new()
    {
        ["function"] = (Valid with { FunctionName = "missing" }, "FunctionName names 'missing', which is not a function of the app"),
        ["arn"] = (Valid with { EventSourceArn = "arn:aws:kinesis:us-east-1:000000000000:stream/s" }, "EventSourceArn is 'arn:aws:kinesis:us-east-1:000000000000:stream/s', not a DynamoDB stream ARN"),
        ["position"] = (Valid with { StartingPosition = "EARLIEST" }, "StartingPosition is 'EARLIEST'; use LATEST or TRIM_HORIZON"),
        ["timestamp"] = (Valid with { StartingPosition = "AT_TIMESTAMP", StartingPositionTimestamp = DateTimeOffset.UnixEpoch }, "StartingPosition is AT_TIMESTAMP, which Lambda supports only for Kinesis, Amazon DocumentDB, Amazon MSK and self-managed Kafka, not for DynamoDB streams; use LATEST or TRIM_HORIZON"),
        ["batch0"] = (Valid with { BatchSize = 0 }, "BatchSize is 0; DynamoDB stream mappings take 1 to 10000"),
        ["batch10001"] = (Valid with { BatchSize = 10001 }, "BatchSize is 10001"),
        ["window"] = (Valid with { MaximumBatchingWindow = TimeSpan.FromSeconds(301) }, "MaximumBatchingWindowInSeconds is 301; use 0 to 300 seconds"),
        ["retries"] = (Valid with { MaximumRetryAttempts = -2 }, "MaximumRetryAttempts is -2"),
        ["age"] = (Valid with { MaximumRecordAge = TimeSpan.FromSeconds(59) }, "MaximumRecordAgeInSeconds is 59; use -1 (no limit) or 60 to 604800 seconds"),
        ["parallelization"] = (Valid with { ParallelizationFactor = 11 }, "ParallelizationFactor is 11; use 1 to 10"),
    };

    public static TheoryData<string> Cases => [.. Invalid.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_mapping_Lambda_would_reject_is_a_clear_error(string name)
    {
        var (mapping, expected) = Invalid[name];
        using var engine = new DynamoEngine();
        var error = Assert.Throws<EventSourceMappingException>(() =>
            new EventSourceMappings(engine, [mapping], [StreamFixture.Function()], new FakeInvoker(), new EventSourceOptions()));

        Assert.StartsWith("Event source mapping OrdersSubscription: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_the_engine_does_not_have_fails_at_start()
    {
        using var engine = new DynamoEngine();
        var mappings = new EventSourceMappings(engine, [Valid], [StreamFixture.Function()], new FakeInvoker(), new EventSourceOptions());

        var error = Assert.Throws<EventSourceMappingException>(mappings.Start);
        Assert.Contains($"EventSourceArn {StreamArn} is not a stream of the local engine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Destinations_and_tumbling_windows_are_listed_as_not_run_locally()
    {
        using var engine = new DynamoEngine();
        var mapping = Valid with { OnFailureDestination = "arn:aws:sqs:us-east-1:000000000000:dlq", TumblingWindow = TimeSpan.FromSeconds(30) };
        var mappings = new EventSourceMappings(engine, [mapping], [StreamFixture.Function()], new FakeInvoker(), new EventSourceOptions());

        Assert.Equal(
            [
                "OrdersSubscription: failure records for the on-failure destination arn:aws:sqs:us-east-1:000000000000:dlq are kept locally (FailedBatches), not sent.",
                "OrdersSubscription: TumblingWindowInSeconds is not run locally; batches are delivered without window state.",
            ],
            mappings.NotRunLocally);
    }

    [Fact]
    public async Task A_mapping_that_stops_on_a_fault_makes_WhenIdle_say_so()
    {
        await using var fixture = new StreamFixture();
        fixture.Put("a");
        var mappings = fixture.Start(
            new EventSourceOptions { OnEvent = _ => throw new InvalidOperationException("display broke") },
            fixture.Mapping());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StreamFixture.Idle(mappings));
        Assert.Equal("Event source mapping OrdersSubscription stopped: display broke", error.Message);
    }
}
