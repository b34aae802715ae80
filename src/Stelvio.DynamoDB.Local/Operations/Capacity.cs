using System.Text.Json;
using Stelvio.DynamoDB.Local.Storage;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>
/// ReturnConsumedCapacity: units as DynamoDB bills them (a write: 1 per KB started; a read: 1 per 4 KB started,
/// half for eventually consistent reads; transactional requests double), shown as TOTAL or with INDEXES.
/// </summary>
internal sealed class Capacity(string mode, string tableName)
{
    private readonly Dictionary<string, double>? _localIndexes = mode == "INDEXES" ? [] : null;
    private readonly Dictionary<string, double>? _globalIndexes = mode == "INDEXES" ? [] : null;

    public double Table { get; private set; }

    public double Read { get; private set; }

    public double Write { get; private set; }

    public static Capacity? For(string? mode, string tableName) => mode is "TOTAL" or "INDEXES" ? new Capacity(mode, tableName) : null;

    public static double WriteUnits(long bytes) => Math.Max(1, Math.Ceiling(bytes / 1024.0));

    /// <summary>The capacity a read of <paramref name="bytesRead"/> consumed on the table or <paramref name="index"/>, or null when not asked for.</summary>
    public static Capacity? ForRead(string? mode, string tableName, IndexDefinition? index, long bytesRead, bool consistent)
    {
        var capacity = For(mode, tableName);
        if (capacity is not null)
        {
            var units = ReadUnits(bytesRead, consistent);
            if (index is null)
            {
                capacity.AddRead(units);
            }
            else
            {
                capacity.AddIndexRead(index, units);
            }
        }
        return capacity;
    }

    public static double ReadUnits(long bytes, bool consistent) => Math.Max(1, Math.Ceiling(bytes / 4096.0)) * (consistent ? 1 : 0.5);

    public void AddWrite(double units)
    {
        Table += units;
        Write += units;
    }

    public void AddRead(double units)
    {
        Table += units;
        Read += units;
    }

    /// <summary>Charges the writes an item change causes in the table's indexes (one unit per index holding the old or new item).</summary>
    public void AddIndexWrites(TableDefinition table, ItemChange? change)
    {
        if (change is null)
        {
            return;
        }
        foreach (var index in table.LocalIndexes)
        {
            AddIndex(_localIndexes, index, change);
        }
        foreach (var index in table.GlobalIndexes)
        {
            AddIndex(_globalIndexes, index, change);
        }
    }

    private void AddIndex(Dictionary<string, double>? target, IndexDefinition index, ItemChange change)
    {
        var units = (Has(index, change.OldImage) ? 1 : 0) + (Has(index, change.NewImage) ? 1 : 0);
        if (units == 0)
        {
            return;
        }
        Write += units;
        if (target is not null)
        {
            target[index.Name] = target.GetValueOrDefault(index.Name) + units;
        }
    }

    public void AddIndexRead(IndexDefinition index, double units)
    {
        Read += units;
        var target = index.IsGlobal ? _globalIndexes : _localIndexes;
        if (target is not null)
        {
            target[index.Name] = target.GetValueOrDefault(index.Name) + units;
        }
    }

    private static bool Has(IndexDefinition index, IReadOnlyDictionary<string, Model.AttributeValue>? item) =>
        item is not null && item.ContainsKey(index.Key.HashName) && (index.Key.RangeName is null || item.ContainsKey(index.Key.RangeName));

    public double Total => Read + Write;

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("TableName"u8, tableName);
        writer.WriteNumber("CapacityUnits"u8, Total);
        if (mode == "INDEXES")
        {
            writer.WriteStartObject("Table"u8);
            writer.WriteNumber("CapacityUnits"u8, Table);
            writer.WriteEndObject();
            WriteIndexes(writer, "LocalSecondaryIndexes", _localIndexes!);
            WriteIndexes(writer, "GlobalSecondaryIndexes", _globalIndexes!);
        }
        writer.WriteEndObject();
    }

    public void WriteProperty(Utf8JsonWriter writer)
    {
        writer.WritePropertyName("ConsumedCapacity"u8);
        WriteJson(writer);
    }

    private static void WriteIndexes(Utf8JsonWriter writer, string property, Dictionary<string, double> indexes)
    {
        if (indexes.Count == 0)
        {
            return;
        }
        writer.WriteStartObject(property);
        foreach (var (name, units) in indexes)
        {
            writer.WriteStartObject(name);
            writer.WriteNumber("CapacityUnits"u8, units);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
