using Microsoft.Extensions.Time.Testing;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Streams;

namespace Stelvio.DynamoDB.Local.Tests.Streams;

/// <summary>A stream store on a fake clock, fed commits by hand as storage would.</summary>
internal sealed class StreamFixture
{
    public StreamFixture()
    {
        Store = new StreamStore("us-east-1", "000000000000", Clock, Size);
        Service = new StreamsService(Store);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 2, 9, 30, 15, 123, TimeSpan.Zero));

    public StreamStore Store { get; }

    public StreamsService Service { get; }

    /// <summary>A stand-in for the item size (names and string lengths) that the store adds up per record.</summary>
    public static int Size(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.Sum(a => a.Key.Length + (a.Value.Type == AttributeType.S ? a.Value.S.Length : 1));

    public static IReadOnlyList<StreamKeyElement> KeySchema { get; } = [new("pk", "HASH"), new("sk", "RANGE")];

    /// <summary>Enables a stream as a catalog update does: labelled with the current time.</summary>
    public StreamInfo Enable(string table = "orders", StreamViewType view = StreamViewType.NEW_AND_OLD_IMAGES)
    {
        var label = TableStream.Label(Clock.GetUtcNow());
        return Store.Enable(table, $"arn:aws:dynamodb:us-east-1:000000000000:table/{table}/stream/{label}", label, view, KeySchema);
    }

    public static Dictionary<string, AttributeValue> Key(string pk, string sk = "a") => new()
    {
        ["pk"] = AttributeValue.FromString(pk),
        ["sk"] = AttributeValue.FromString(sk),
    };

    public static Dictionary<string, AttributeValue> Item(string pk, string sk = "a", long? n = null)
    {
        var item = Key(pk, sk);
        if (n is not null)
        {
            item["n"] = AttributeValue.FromNumber(DynamoNumber.FromInt64(n.Value));
        }
        return item;
    }

    public void Put(string table, IReadOnlyDictionary<string, AttributeValue>? old, IReadOnlyDictionary<string, AttributeValue>? @new, bool ttl = false)
    {
        var image = @new ?? old!;
        var keys = new Dictionary<string, AttributeValue> { ["pk"] = image["pk"], ["sk"] = image["sk"] };
        Store.OnCommit(new Commit([new ItemChange(table, keys, old, @new)], Clock.GetUtcNow(), ttl));
    }

    public string Shard(StreamInfo stream) => Service.DescribeStream(stream.StreamArn, null, null).Shards[0].ShardId;

    public string Iterator(StreamInfo stream, string type = "TRIM_HORIZON", string? sequence = null) =>
        Service.GetShardIterator(stream.StreamArn, Shard(stream), type, sequence);

    public IReadOnlyList<StreamRecord> ReadAll(StreamInfo stream) => Service.GetRecords(Iterator(stream), null).Records;
}
