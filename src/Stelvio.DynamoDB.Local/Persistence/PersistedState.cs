using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Persistence;

/// <summary>
/// What a data directory holds, folded from its snapshot and log: table definitions with their items, streams
/// and stream records. Definitions and stream payloads are opaque bytes here; the engine encodes and decodes them.
/// </summary>
internal sealed class PersistedState
{
    public Dictionary<string, PersistedTable> Tables { get; } = new(StringComparer.Ordinal);

    /// <summary>Streams by ARN.</summary>
    public Dictionary<string, byte[]> Streams { get; } = new(StringComparer.Ordinal);

    /// <summary>Stream records by sequence number.</summary>
    public SortedDictionary<long, PersistedStreamRecord> StreamRecords { get; } = [];

    public void PutTable(string name, byte[] definition)
    {
        if (Tables.TryGetValue(name, out var table))
        {
            table.Definition = definition;
        }
        else
        {
            Tables[name] = new PersistedTable(definition);
        }
    }

    public void Apply(string tableName, IReadOnlyDictionary<string, AttributeValue> keys, IReadOnlyDictionary<string, AttributeValue>? newImage)
    {
        if (!Tables.TryGetValue(tableName, out var table))
        {
            return;
        }
        var key = PersistedTable.KeyOf(keys);
        if (newImage is null)
        {
            table.Items.Remove(key);
        }
        else
        {
            table.Items[key] = new PersistedItem(keys, newImage);
        }
    }

    /// <summary>Drops stream records committed before <paramref name="cutoff"/> (past the retention period).</summary>
    public void TrimRecords(DateTimeOffset cutoff)
    {
        var expired = StreamRecords.Where(r => r.Value.Time < cutoff).Select(r => r.Key).ToList();
        foreach (var sequence in expired)
        {
            StreamRecords.Remove(sequence);
        }
    }
}

/// <summary>A table's definition (opaque) and its items by encoded key.</summary>
internal sealed class PersistedTable(byte[] definition)
{
    public byte[] Definition { get; set; } = definition;

    public Dictionary<string, PersistedItem> Items { get; } = new(StringComparer.Ordinal);

    /// <summary>The dictionary key of an item: its key attributes, sorted by name, encoded.</summary>
    public static string KeyOf(IReadOnlyDictionary<string, AttributeValue> keys)
    {
        var writer = new RecordWriter(64);
        foreach (var (name, value) in keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            writer.String(name);
            writer.Value(value);
        }
        return System.Text.Encoding.Latin1.GetString(writer.WrittenSpan);
    }
}

internal sealed record PersistedItem(IReadOnlyDictionary<string, AttributeValue> Keys, IReadOnlyDictionary<string, AttributeValue> Item);

/// <summary>A stream record: its sequence number, commit time (for retention) and payload (opaque).</summary>
internal sealed record PersistedStreamRecord(long Sequence, DateTimeOffset Time, byte[] Payload);
