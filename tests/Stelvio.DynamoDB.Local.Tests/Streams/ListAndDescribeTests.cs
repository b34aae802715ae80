using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Streams;

namespace Stelvio.DynamoDB.Local.Tests.Streams;

public sealed class ListAndDescribeTests
{
    [Fact]
    public void ListStreams_pages_with_limit_and_exclusive_start()
    {
        var f = new StreamFixture();
        var a = f.Enable("table-a");
        var b = f.Enable("table-b");
        var c = f.Enable("table-c");

        var first = f.Service.ListStreams(null, 2, null);
        Assert.Equal([a.StreamArn, b.StreamArn], first.Streams.Select(s => s.StreamArn));
        Assert.Equal(b.StreamArn, first.LastEvaluatedStreamArn);
        var second = f.Service.ListStreams(null, 2, first.LastEvaluatedStreamArn);
        Assert.Equal([c.StreamArn], second.Streams.Select(s => s.StreamArn));
        Assert.Null(second.LastEvaluatedStreamArn);
        Assert.Equal([b.StreamArn], f.Service.ListStreams("table-b", null, null).Streams.Select(s => s.StreamArn));
        Assert.Empty(f.Service.ListStreams("table-d", null, null).Streams);
    }

    [Theory]
    [InlineData(0, "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1")]
    [InlineData(101, "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100")]
    public void ListStreams_limit_is_1_to_100(int limit, string message)
    {
        var error = Assert.Throws<DynamoDbException>(() => new StreamFixture().Service.ListStreams(null, limit, null));
        Assert.Equal(("ValidationException", message), (error.Type, error.Message));
    }

    [Fact]
    public void ListStreams_refuses_a_malformed_start_arn()
    {
        var f = new StreamFixture();
        f.Enable();
        var error = Assert.Throws<DynamoDbException>(() => f.Service.ListStreams("orders", null, "kossaapaaasdafsdaasdasdasdasasdasfadfadfasdasdas"));
        Assert.Equal(("ValidationException", "Invalid StreamArn"), (error.Type, error.Message));
    }

    [Fact]
    public void DescribeStream_describes_the_stream_and_pages_shards()
    {
        var f = new StreamFixture();
        var stream = f.Enable(view: StreamViewType.KEYS_ONLY);

        var description = f.Service.DescribeStream(stream.StreamArn, 1, null);
        Assert.Equal(stream, description.Stream);
        Assert.Equal(StreamFixture.KeySchema, description.Stream.KeySchema);
        Assert.Equal(f.Clock.GetUtcNow(), description.Stream.CreatedAt);
        Assert.Null(description.LastEvaluatedShardId);
        var shard = Assert.Single(description.Shards).ShardId;
        Assert.InRange(shard.Length, 28, 65);
        Assert.Empty(f.Service.DescribeStream(stream.StreamArn, null, shard).Shards);
        Assert.Empty(f.Service.DescribeStream(stream.StreamArn, null, "zzzzzzzzzzzzzzzzzzzzzzzzsfasdgagadfadfgagkjsdfsfsdjfjks").Shards);
        Assert.Empty(f.Service.DescribeStream(stream.StreamArn, null, null, childShardsOf: shard).Shards);
    }
}
