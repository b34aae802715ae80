using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Storage;

namespace Stelvio.DynamoDB.Local.Tests.Storage;

public sealed class StorageTests
{
    private static readonly TableDefinition Definition = new()
    {
        Name = "t",
        TableId = "id",
        Arn = "arn:aws:dynamodb:us-east-1:000000000000:table/t",
        CreationDateTime = DateTimeOffset.UnixEpoch,
        Key = new KeyDefinition("pk", AttributeType.S),
        AttributeDefinitions = [new("pk", AttributeType.S)],
    };

    [Fact]
    public void The_codec_round_trips_every_type()
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = AttributeValue.FromString("é€𝄞"),
            ["n"] = AttributeValue.FromNumber(DynamoNumber.Parse("-1.25E-100")),
            ["b"] = AttributeValue.FromBinary([0, 255, 7]),
            ["t"] = AttributeValue.True,
            ["z"] = AttributeValue.Null,
            ["ss"] = AttributeValue.FromStringSet(["a", "b"]),
            ["ns"] = AttributeValue.FromNumberSet([DynamoNumber.Parse("1"), DynamoNumber.Parse("2.5")]),
            ["bs"] = AttributeValue.FromBinarySet([[1], [2, 3]]),
            ["l"] = AttributeValue.FromList([AttributeValue.FromString(""), AttributeValue.False]),
            ["m"] = AttributeValue.FromMap(new Dictionary<string, AttributeValue> { ["inner"] = AttributeValue.FromList([]) }),
            [new string('k', 300)] = AttributeValue.FromString(new string('v', 1000)),
        };
        var decoded = ItemCodec.Decode(ItemCodec.Encode(item));
        Assert.Equal(item.Count, decoded.Count);
        foreach (var (name, value) in item)
        {
            Assert.Equal(value, decoded[name]);
        }
    }

    [Fact]
    public void Rewriting_an_equal_item_in_another_attribute_order_is_no_change()
    {
        var table = new Table(Definition);
        var first = new Dictionary<string, AttributeValue> { ["pk"] = AttributeValue.FromString("a"), ["x"] = AttributeValue.True, ["y"] = AttributeValue.Null };
        var second = new Dictionary<string, AttributeValue> { ["y"] = AttributeValue.Null, ["x"] = AttributeValue.True, ["pk"] = AttributeValue.FromString("a") };
        lock (table.Sync)
        {
            Assert.NotNull(table.PutLocked(ItemFactory.Create(Definition, first)));
            Assert.Null(table.PutLocked(ItemFactory.Create(Definition, second)));
            var change = table.PutLocked(ItemFactory.Create(Definition, new Dictionary<string, AttributeValue> { ["pk"] = AttributeValue.FromString("a") }));
            Assert.Equal("MODIFY", change!.EventName);
            Assert.Equal(1, table.ItemCount);
        }
    }

    [Fact]
    public void Commit_listeners_see_each_change_in_order()
    {
        var catalog = new Catalog("us-east-1", "000000000000");
        var seen = new List<string>();
        catalog.AddCommitListener(new Recorder(seen));
        var table = catalog.Create(Definition);
        lock (table.Sync)
        {
            catalog.Publish(table.PutLocked(ItemFactory.Create(Definition, new Dictionary<string, AttributeValue> { ["pk"] = AttributeValue.FromString("a") })));
            catalog.Publish(table.DeleteLocked(AttributeValue.FromString("a"), null));
            catalog.Publish(table.DeleteLocked(AttributeValue.FromString("a"), null));
        }
        Assert.Equal(["INSERT a", "REMOVE a"], seen);
    }

    private sealed class Recorder(List<string> seen) : ICommitListener
    {
        public void OnCommit(Commit commit)
        {
            foreach (var change in commit.Changes)
            {
                seen.Add(change.EventName + " " + change.Keys["pk"].S);
            }
        }
    }
}
