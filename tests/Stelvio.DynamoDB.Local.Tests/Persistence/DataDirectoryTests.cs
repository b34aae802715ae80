using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Persistence;
using Stelvio.DynamoDB.Local.Storage;

namespace Stelvio.DynamoDB.Local.Tests.Persistence;

public sealed class DataDirectoryTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "stelvio-data-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_path))
        {
            Directory.Delete(_path, recursive: true);
        }
    }

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static IReadOnlyDictionary<string, AttributeValue> Key(string pk) =>
        new Dictionary<string, AttributeValue> { ["pk"] = AttributeValue.FromString(pk) };

    private static IReadOnlyDictionary<string, AttributeValue> Item(string pk, int n) => new Dictionary<string, AttributeValue>
    {
        ["pk"] = AttributeValue.FromString(pk),
        ["n"] = AttributeValue.FromNumber(DynamoNumber.Parse("1234567890123456789012345678901234567." + (n % 10))),
        ["b"] = AttributeValue.FromBinary([0, 255, (byte)n]),
        ["ok"] = AttributeValue.True,
        ["none"] = AttributeValue.Null,
        ["ss"] = AttributeValue.FromStringSet(["a", "ü"]),
        ["ns"] = AttributeValue.FromNumberSet([DynamoNumber.Parse("1E-130"), DynamoNumber.Parse("-9.9E125")]),
        ["bs"] = AttributeValue.FromBinarySet([[1], [2, 3]]),
        ["m"] = AttributeValue.FromMap(new Dictionary<string, AttributeValue>
        {
            ["l"] = AttributeValue.FromList([AttributeValue.FromString(""), AttributeValue.FromMap(AttributeValue.EmptyMap)]),
        }),
    };

    private static Commit Put(string table, string pk, int n) => new([new ItemChange(table, Key(pk), null, Item(pk, n))], Now);

    private static Commit Delete(string table, string pk) => new([new ItemChange(table, Key(pk), Item(pk, 0), null)], Now);

    private DataDirectory Open() => DataDirectory.Open(_path, Now.AddHours(-24));

    [Fact]
    public void A_reopened_directory_has_every_table_item_stream_and_record_written()
    {
        using (var store = Open())
        {
            store.TakeRecovered();
            store.PutTable("orders", [1, 2]);
            store.PutTable("gone", [9]);
            store.Commit(Put("orders", "a", 1), []);
            store.Commit(Put("orders", "b", 2), [new PersistedStreamRecord(7, Now, [42])]);
            store.Commit(Put("orders", "a", 3), []);
            store.Commit(Put("gone", "x", 1), []);
            store.DeleteTable("gone");
            store.Commit(new Commit([new ItemChange("orders", Key("c"), null, Item("c", 4)), new ItemChange("orders", Key("b"), Item("b", 2), null)], Now), []);
            store.PutStream("arn:1", [5, 6]);
            store.PutTable("orders", [1, 2, 3]);
        }

        using var reopened = Open();
        var state = reopened.TakeRecovered();
        Assert.Equal(["orders"], state.Tables.Keys);
        var orders = state.Tables["orders"];
        Assert.Equal([1, 2, 3], orders.Definition);
        Assert.Equal(2, orders.Items.Count);
        var a = orders.Items[PersistedTable.KeyOf(Key("a"))];
        Assert.Equal(Item("a", 3), a.Item, new ItemComparer());
        Assert.Equal(Key("a"), a.Keys, new ItemComparer());
        Assert.True(orders.Items.ContainsKey(PersistedTable.KeyOf(Key("c"))));
        Assert.Equal([5, 6], state.Streams["arn:1"]);
        Assert.Equal([42], Assert.Single(state.StreamRecords).Value.Payload);
    }

    [Fact]
    public void Opening_compacts_the_log_into_the_snapshot_and_a_second_open_sees_the_same()
    {
        using (var store = Open())
        {
            store.PutTable("t", [1]);
            for (var i = 0; i < 100; i++)
            {
                store.Commit(Put("t", "k" + (i % 10), i), []);
            }
        }
        using (var store = Open())
        {
            Assert.Equal(10, store.TakeRecovered().Tables["t"].Items.Count);
            Assert.Equal(FrameFile.HeaderSize, new FileInfo(Path.Combine(_path, DataDirectory.LogName)).Length);
        }
        using (var store = Open())
        {
            Assert.Equal(10, store.TakeRecovered().Tables["t"].Items.Count);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(9)]
    public void A_log_cut_off_mid_frame_keeps_every_complete_frame(int cut)
    {
        using (var store = Open())
        {
            store.PutTable("t", [1]);
            store.Commit(Put("t", "a", 1), []);
            store.Commit(Put("t", "b", 2), []);
        }
        var logPath = Path.Combine(_path, DataDirectory.LogName);
        // Keep the snapshot from the first open out of it: the log holds all three frames.
        var full = File.ReadAllBytes(logPath);
        using (var stream = new FileStream(logPath, FileMode.Open))
        {
            stream.SetLength(full.Length - cut);
        }

        using var reopened = Open();
        var items = reopened.TakeRecovered().Tables["t"].Items;
        Assert.Equal([PersistedTable.KeyOf(Key("a"))], items.Keys);
    }

    [Fact]
    public void A_frame_with_a_damaged_checksum_ends_the_log()
    {
        using (var store = Open())
        {
            store.PutTable("t", [1]);
            store.Commit(Put("t", "a", 1), []);
            store.Commit(Put("t", "b", 2), []);
        }
        var logPath = Path.Combine(_path, DataDirectory.LogName);
        var bytes = File.ReadAllBytes(logPath);
        bytes[^3] ^= 0xFF;
        File.WriteAllBytes(logPath, bytes);

        using var reopened = Open();
        Assert.Single(reopened.TakeRecovered().Tables["t"].Items);
    }

    [Fact]
    public void A_log_older_than_the_snapshot_is_not_replayed_again()
    {
        using (var store = Open())
        {
            store.PutTable("t", [1]);
            store.Commit(Put("t", "a", 1), []);
            store.Commit(Delete("t", "a"), []);
        }
        var logPath = Path.Combine(_path, DataDirectory.LogName);
        var oldLog = File.ReadAllBytes(logPath);
        using (var store = Open())
        {
            store.TakeRecovered();
            store.Commit(Put("t", "a", 5), []);
        }
        using (Open())
        {
        }
        // A crash after the snapshot was replaced but before the log was: the old log is back.
        File.WriteAllBytes(logPath, oldLog);

        using var reopened = Open();
        var item = Assert.Single(reopened.TakeRecovered().Tables["t"].Items).Value;
        Assert.Equal(Item("a", 5), item.Item, new ItemComparer());
    }

    [Fact]
    public void A_half_written_snapshot_is_ignored()
    {
        using (var store = Open())
        {
            store.PutTable("t", [1]);
            store.Commit(Put("t", "a", 1), []);
        }
        File.WriteAllBytes(Path.Combine(_path, DataDirectory.SnapshotName + ".tmp"), [1, 2, 3]);

        using var reopened = Open();
        Assert.Single(reopened.TakeRecovered().Tables["t"].Items);
        Assert.False(File.Exists(Path.Combine(_path, DataDirectory.SnapshotName + ".tmp")));
    }

    [Fact]
    public void A_damaged_snapshot_is_an_error_naming_the_file()
    {
        using (var store = Open())
        {
            store.PutTable("t", [1]);
            store.Commit(Put("t", "a", 1), []);
        }
        using (Open())
        {
        }
        var snapshot = Path.Combine(_path, DataDirectory.SnapshotName);
        var bytes = File.ReadAllBytes(snapshot);
        bytes[^2] ^= 0xFF;
        File.WriteAllBytes(snapshot, bytes);

        var error = Assert.Throws<CorruptStoreException>(Open);
        Assert.Contains(snapshot, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_process_cannot_open_a_directory_in_use()
    {
        using var store = Open();
        var error = Assert.Throws<IOException>(Open);
        Assert.Contains("is in use by another process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_records_past_retention_are_dropped_on_open()
    {
        using (var store = Open())
        {
            store.PutTable("t", [1]);
            store.Commit(Put("t", "a", 1), [new PersistedStreamRecord(1, Now.AddHours(-25), [1])]);
            store.Commit(Put("t", "a", 2), [new PersistedStreamRecord(2, Now.AddHours(-1), [2])]);
        }
        using var reopened = Open();
        Assert.Equal([2L], reopened.TakeRecovered().StreamRecords.Keys);
    }

    [Fact]
    public void Concurrent_writers_all_become_durable()
    {
        using (var store = Open())
        {
            store.PutTable("t", [1]);
            Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => store.Commit(Put("t", "k" + i, i), []));
        }
        using var reopened = Open();
        Assert.Equal(400, reopened.TakeRecovered().Tables["t"].Items.Count);
    }

    private sealed class ItemComparer : IEqualityComparer<IReadOnlyDictionary<string, AttributeValue>>
    {
        public bool Equals(IReadOnlyDictionary<string, AttributeValue>? x, IReadOnlyDictionary<string, AttributeValue>? y) =>
            AttributeValue.FromMap(x!).Equals(AttributeValue.FromMap(y!));

        public int GetHashCode(IReadOnlyDictionary<string, AttributeValue> obj) => obj.Count;
    }
}
