using System.Text.Json;
using Stelvio.LocalCloud.EventSources;

namespace Stelvio.LocalCloud.Tests.EventSources;

public sealed class DeliveryTests
{
    [Fact]
    public async Task Insert_modify_and_remove_arrive_as_Lambda_delivers_them()
    {
        await using var fixture = new StreamFixture();
        var mappings = fixture.Start(fixture.Mapping() with { BatchSize = 1 });
        fixture.Put("o1", "\"orderStatus\":{\"S\":\"new\"}");
        fixture.Update("o1", "SET orderStatus = :s", "{\":s\":{\"S\":\"shipped\"}}");
        fixture.Delete("o1");
        await StreamFixture.Idle(mappings);

        var records = fixture.Invoker.Calls.SelectMany(c => c.Records).ToList();
        Assert.Equal(["INSERT", "MODIFY", "REMOVE"], records.Select(r => r.GetProperty("eventName").GetString()));
        var insert = records[0];
        Assert.Equal(
            ["eventID", "eventName", "eventVersion", "eventSource", "awsRegion", "dynamodb", "eventSourceARN"],
            insert.EnumerateObject().Select(p => p.Name));
        Assert.Equal("1.1", insert.GetProperty("eventVersion").GetString());
        Assert.Equal("aws:dynamodb", insert.GetProperty("eventSource").GetString());
        Assert.Equal("us-east-1", insert.GetProperty("awsRegion").GetString());
        Assert.Equal(fixture.StreamArn, insert.GetProperty("eventSourceARN").GetString());
        Assert.Matches("^[0-9a-f]{32}$", insert.GetProperty("eventID").GetString());
        var dynamodb = insert.GetProperty("dynamodb");
        Assert.Equal(JsonValueKind.Number, dynamodb.GetProperty("ApproximateCreationDateTime").ValueKind);
        Assert.InRange(dynamodb.GetProperty("ApproximateCreationDateTime").GetInt64(), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal("{\"id\":{\"S\":\"o1\"}}", dynamodb.GetProperty("Keys").GetRawText());
        Assert.Equal("{\"id\":{\"S\":\"o1\"},\"orderStatus\":{\"S\":\"new\"}}", dynamodb.GetProperty("NewImage").GetRawText());
        Assert.False(dynamodb.TryGetProperty("OldImage", out _));
        Assert.Matches("^[0-9]{21,40}$", dynamodb.GetProperty("SequenceNumber").GetString());
        Assert.True(dynamodb.GetProperty("SizeBytes").GetInt64() > 0);
        Assert.Equal("NEW_AND_OLD_IMAGES", dynamodb.GetProperty("StreamViewType").GetString());

        var modify = records[1].GetProperty("dynamodb");
        Assert.Equal("new", modify.GetProperty("OldImage").GetProperty("orderStatus").GetProperty("S").GetString());
        Assert.Equal("shipped", modify.GetProperty("NewImage").GetProperty("orderStatus").GetProperty("S").GetString());
        var remove = records[2].GetProperty("dynamodb");
        Assert.Equal("shipped", remove.GetProperty("OldImage").GetProperty("orderStatus").GetProperty("S").GetString());
        Assert.False(remove.TryGetProperty("NewImage", out _));
        Assert.All(fixture.Invoker.Calls, c => Assert.Equal("stream", c.Trigger.Kind));
    }

    [Theory]
    [InlineData("KEYS_ONLY", false, false)]
    [InlineData("NEW_IMAGE", true, false)]
    [InlineData("OLD_IMAGE", false, true)]
    [InlineData("NEW_AND_OLD_IMAGES", true, true)]
    public async Task Images_follow_the_stream_view_type(string viewType, bool newImage, bool oldImage)
    {
        await using var fixture = new StreamFixture(viewType);
        fixture.Put("o1", "\"n\":{\"N\":\"1\"}");
        fixture.Put("o1", "\"n\":{\"N\":\"2\"}");
        var mappings = fixture.Start(fixture.Mapping());
        await StreamFixture.Idle(mappings);

        var modify = fixture.Invoker.Calls.SelectMany(c => c.Records).Single(r => r.GetProperty("eventName").GetString() == "MODIFY").GetProperty("dynamodb");
        Assert.Equal(viewType, modify.GetProperty("StreamViewType").GetString());
        Assert.Equal(newImage, modify.TryGetProperty("NewImage", out var image) && image.GetProperty("n").GetProperty("N").GetString() == "2");
        Assert.Equal(oldImage, modify.TryGetProperty("OldImage", out var old) && old.GetProperty("n").GetProperty("N").GetString() == "1");
        Assert.Equal("{\"id\":{\"S\":\"o1\"}}", modify.GetProperty("Keys").GetRawText());
    }

    [Fact]
    public async Task Records_come_in_order_in_batches_of_BatchSize()
    {
        await using var fixture = new StreamFixture();
        for (var i = 0; i < 7; i++)
        {
            fixture.Put($"o{i}");
        }
        var mappings = fixture.Start(fixture.Mapping() with { BatchSize = 3 });
        await StreamFixture.Idle(mappings);

        Assert.Equal([["o0", "o1", "o2"], ["o3", "o4", "o5"], ["o6"]], fixture.Invoker.Calls.Select(c => c.Ids));
        var sequence = fixture.Invoker.Calls.SelectMany(c => c.Records).Select(r => r.GetProperty("dynamodb").GetProperty("SequenceNumber").GetString()!).ToList();
        Assert.Equal(sequence.Order(Comparer<string>.Create(StreamPosition.Compare)), sequence);
        Assert.Equal([3, 3, 1], fixture.Invoker.Calls.Select(c => c.Trigger.RecordCount));
    }

    [Fact]
    public async Task Writes_after_the_start_are_delivered_in_commit_order()
    {
        await using var fixture = new StreamFixture();
        var mappings = fixture.Start(fixture.Mapping() with { StartingPosition = "LATEST", BatchSize = 10 });
        for (var i = 0; i < 50; i++)
        {
            fixture.Put($"o{i:D2}");
        }
        await StreamFixture.Idle(mappings);

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"o{i:D2}"), fixture.Invoker.Calls.SelectMany(c => c.Ids));
        Assert.All(fixture.Invoker.Calls, c => Assert.InRange(c.Records.Count, 1, 10));
    }

    [Fact]
    public async Task LATEST_starts_after_the_last_record_and_TRIM_HORIZON_at_the_oldest()
    {
        await using var fixture = new StreamFixture();
        fixture.Put("before");
        var latest = fixture.Mapping("Latest", "latest") with { StartingPosition = "LATEST" };
        var horizon = fixture.Mapping("Horizon", "horizon");
        var mappings = fixture.Start(latest, horizon);
        fixture.Put("after");
        await StreamFixture.Idle(mappings);

        Assert.Equal(["after"], fixture.Invoker.CallsTo("latest").SelectMany(c => c.Ids));
        Assert.Equal(["before", "after"], fixture.Invoker.CallsTo("horizon").SelectMany(c => c.Ids));
    }

    [Fact]
    public async Task Every_mapping_on_a_stream_gets_every_record_and_a_disabled_one_none()
    {
        await using var fixture = new StreamFixture();
        var first = fixture.Mapping("First", "first");
        var second = fixture.Mapping("Second", "second") with { BatchSize = 1 };
        var disabled = fixture.Mapping("Off", "off") with { Enabled = false };
        var mappings = fixture.Start(first, second, disabled);
        fixture.Put("a");
        fixture.Put("b");
        await StreamFixture.Idle(mappings);

        Assert.Equal(["a", "b"], fixture.Invoker.CallsTo("first").SelectMany(c => c.Ids));
        Assert.Equal(["a", "b"], fixture.Invoker.CallsTo("second").SelectMany(c => c.Ids));
        Assert.Empty(fixture.Invoker.CallsTo("off"));
        var state = mappings.States.Single(s => s.LogicalId == "Off");
        Assert.False(state.Enabled);
        Assert.Contains("disabled", state.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenIdle_waits_for_the_batch_in_flight()
    {
        await using var fixture = new StreamFixture();
        var release = new TaskCompletionSource<FakeInvoker.Answer>();
        fixture.Invoker.Handler = _ => release.Task;
        var mappings = fixture.Start(fixture.Mapping());
        fixture.Put("a");
        var idle = mappings.WhenIdleAsync(CancellationToken.None);
        await fixture.Invoker.WhenCalls(1);

        Assert.False(idle.IsCompleted);
        var lane = Assert.Single(mappings.States.Single().Lanes);
        Assert.Equal(LaneStatus.Invoking, lane.Status);
        Assert.Equal(1, mappings.States.Single().PendingRecords);
        release.SetResult(FakeInvoker.Answer.Ok());
        await idle.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, mappings.States.Single().PendingRecords);
    }

    [Fact]
    public async Task A_Time_to_Live_deletion_carries_the_service_identity()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var fixture = new StreamFixture(time: time);
        fixture.Invoke("UpdateTimeToLive", """{"TableName":"orders","TimeToLiveSpecification":{"Enabled":true,"AttributeName":"expires"}}""");
        fixture.Put("gone", $"\"expires\":{{\"N\":\"{time.GetUtcNow().ToUnixTimeSeconds() - 10}\"}}");
        fixture.Delete("o0");
        fixture.Put("o1");
        fixture.Delete("o1");
        Assert.Equal(1, fixture.Engine.TimeToLive.SweepNow());
        var mappings = fixture.Start(fixture.Mapping());
        await StreamFixture.Idle(mappings);

        var removes = fixture.Invoker.Calls.SelectMany(c => c.Records).Where(r => r.GetProperty("eventName").GetString() == "REMOVE").ToList();
        Assert.Equal(["o1", "gone"], removes.Select(FakeInvoker.Call.Id));
        Assert.False(removes[0].TryGetProperty("userIdentity", out _));
        Assert.Equal("{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}", removes[1].GetProperty("userIdentity").GetRawText());
    }
}
