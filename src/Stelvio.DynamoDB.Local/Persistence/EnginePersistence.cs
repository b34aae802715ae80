using System.Text.Json;
using System.Text.Json.Serialization;
using Stelvio.DynamoDB.Local.Storage;
using Stelvio.DynamoDB.Local.Streams;

namespace Stelvio.DynamoDB.Local.Persistence;

/// <summary>
/// Connects an engine to its data directory: loads what the directory holds into the catalog and the streams
/// at start, then writes every table change, commit, stream and stream record to the directory's log. A commit's
/// stream records go in the same log frame as the commit, so a crash never keeps one without the other: the
/// streams' listener runs first and hands its records over on the same thread, then <see cref="OnCommit"/>
/// writes both (so the engine registers persistence after streams).
/// </summary>
internal sealed class EnginePersistence : ICommitListener, ICatalogListener, IStreamJournal, IDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [ThreadStatic]
    private static List<PersistedStreamRecord>? t_staged;

    private readonly DataDirectory _directory;

    private EnginePersistence(DataDirectory directory) => _directory = directory;

    public string Path => _directory.Path;

    /// <summary>Opens the data directory at <paramref name="path"/> and recovers what it holds (see <see cref="Attach"/>).</summary>
    public static EnginePersistence Open(string path, bool syncWrites, TimeProvider clock) =>
        new(DataDirectory.Open(path, clock.GetUtcNow() - StreamStore.Retention, syncWrites));

    /// <summary>
    /// Loads the directory's tables and items into <paramref name="catalog"/> and its streams into
    /// <paramref name="streams"/> (constructed with this as its journal), then listens to the catalog. Call once,
    /// after the streams' listener is registered and before the engine serves.
    /// </summary>
    public void Attach(Catalog catalog, StreamStore? streams)
    {
        var state = _directory.TakeRecovered();
        foreach (var table in state.Tables.Values)
        {
            var definition = JsonSerializer.Deserialize<TableDefinition>(table.Definition, Json)
                ?? throw new CorruptStoreException($"A table definition in {_directory.Path} is empty.");
            catalog.Restore(definition, table.Items.Values.Select(i => i.Item));
        }
        streams?.Restore(
            state.Streams.Values.Select(s => JsonSerializer.Deserialize<StreamInfo>(s, Json)!),
            state.StreamRecords.Values.Select(r => StreamRecordCodec.Read(r.Payload)));
        catalog.AddCatalogListener(this);
        catalog.AddCommitListener(this);
    }

    public void OnTableCreated(TableDefinition table) => _directory.PutTable(table.Name, Serialize(table));

    public void OnTableUpdated(TableDefinition previous, TableDefinition current) => _directory.PutTable(current.Name, Serialize(current));

    public void OnTableDeleted(TableDefinition table) => _directory.DeleteTable(table.Name);

    public void StreamCreated(StreamInfo stream) => _directory.PutStream(stream.StreamArn, JsonSerializer.SerializeToUtf8Bytes(stream, Json));

    public void StreamDisabled(StreamInfo stream) => StreamCreated(stream);

    public void RecordsAppended(IReadOnlyList<StreamRecord> records)
    {
        var staged = t_staged ??= [];
        foreach (var record in records)
        {
            staged.Add(new PersistedStreamRecord(record.Sequence, record.ApproximateCreationDateTime, StreamRecordCodec.Write(record)));
        }
    }

    public void OnCommit(Commit commit)
    {
        var staged = t_staged;
        IReadOnlyList<PersistedStreamRecord> records = staged is { Count: > 0 } ? [.. staged] : [];
        staged?.Clear();
        WriteDurability.Written(_directory, _directory.Append(commit, records));
    }

    public void Dispose() => _directory.Dispose();

    private static byte[] Serialize(TableDefinition table) => JsonSerializer.SerializeToUtf8Bytes(table, Json);
}
