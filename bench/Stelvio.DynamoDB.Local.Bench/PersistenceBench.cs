using Microsoft.Data.Sqlite;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Persistence;
using Stelvio.DynamoDB.Local.Storage;

namespace Stelvio.DynamoDB.Local.Bench;

/// <summary>
/// The measurement behind the data directory's design: commits of one 1 KB item per commit, durable before the
/// call returns, with 1 and 8 concurrent writers, through the write-ahead log (group commit, fdatasync) and
/// through SQLite (WAL journal, one transaction per commit, synchronous FULL and NORMAL).
/// </summary>
internal static class PersistenceBench
{
    public static void Run(TimeSpan duration)
    {
        var root = Path.Combine(Path.GetTempPath(), "stelvio-persist-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            Console.WriteLine($"Persistence: one 1 KB item per commit, durable on return, {duration.TotalSeconds:F0} s per run");
            foreach (var clients in new[] { 1, 8 })
            {
                Wal(Path.Combine(root, $"wal-{clients}"), clients, duration, sync: true);
                Wal(Path.Combine(root, $"wal-nosync-{clients}"), clients, duration, sync: false);
                Sqlite(Path.Combine(root, $"sqlite-full-{clients}.db"), "FULL", clients, duration);
                Sqlite(Path.Combine(root, $"sqlite-normal-{clients}.db"), "NORMAL", clients, duration);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static IReadOnlyDictionary<string, AttributeValue> Item(int client, long n, out IReadOnlyDictionary<string, AttributeValue> keys)
    {
        keys = new Dictionary<string, AttributeValue> { ["pk"] = AttributeValue.FromString($"c{client}-{n % 10_000}") };
        return new Dictionary<string, AttributeValue>
        {
            ["pk"] = keys["pk"],
            ["n"] = AttributeValue.FromNumber(DynamoNumber.FromInt64(n)),
            ["body"] = AttributeValue.FromString(new string('x', 1000)),
        };
    }

    private static void Wal(string directory, int clients, TimeSpan duration, bool sync)
    {
        using var store = DataDirectory.Open(directory, DateTimeOffset.MinValue, sync);
        store.PutTable("t", [1, 2, 3]);
        var (perSecond, latencies) = Latencies.RunThreads(clients, duration, (client, n) =>
        {
            var item = Item(client, n, out var keys);
            store.Commit(new Commit([new ItemChange("t", keys, null, item)], DateTimeOffset.UtcNow), []);
        });
        var flushes = store.LogFlushes;
        Latencies.Print($"  write-ahead log, {(sync ? "fdatasync" : "write(2) only")} + group commit, {clients} writer(s)", perSecond, latencies,
            $"  ({latencies.Count / (double)Math.Max(1, flushes):F1} commits per flush)");
    }

    private static void Sqlite(string file, string synchronous, int clients, TimeSpan duration)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 30 }.ToString();
        using (var setup = new SqliteConnection(connectionString))
        {
            setup.Open();
            Execute(setup, "PRAGMA journal_mode=WAL; CREATE TABLE items (tbl TEXT NOT NULL, k BLOB NOT NULL, v BLOB NOT NULL, PRIMARY KEY (tbl, k)) WITHOUT ROWID;");
        }
        var connections = Enumerable.Range(0, clients).Select(_ =>
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            Execute(connection, $"PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=30000;");
            var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO items (tbl, k, v) VALUES ('t', $k, $v) ON CONFLICT (tbl, k) DO UPDATE SET v = excluded.v";
            command.Parameters.Add("$k", SqliteType.Blob);
            command.Parameters.Add("$v", SqliteType.Blob);
            command.Prepare();
            return (connection, command);
        }).ToArray();
        var writers = Enumerable.Range(0, clients).Select(_ => new RecordWriter(2048)).ToArray();
        var (perSecond, latencies) = Latencies.RunThreads(clients, duration, (client, n) =>
        {
            var item = Item(client, n, out var keys);
            var writer = writers[client];
            writer.Clear();
            writer.Item(item);
            var (connection, command) = connections[client];
            using var transaction = connection.BeginTransaction(deferred: false);
            command.Transaction = transaction;
            command.Parameters[0].Value = System.Text.Encoding.UTF8.GetBytes(keys["pk"].S);
            command.Parameters[1].Value = writer.WrittenSpan.ToArray();
            command.ExecuteNonQuery();
            transaction.Commit();
        });
        foreach (var (connection, command) in connections)
        {
            command.Dispose();
            connection.Dispose();
        }
        Latencies.Print($"  SQLite WAL journal, synchronous={synchronous}, {clients} writer(s)", perSecond, latencies);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
