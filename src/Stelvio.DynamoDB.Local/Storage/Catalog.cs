using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Storage;

/// <summary>
/// The engine's tables by name, and the listeners that observe them: <see cref="ICatalogListener"/>s see table
/// creation, updates and deletion; <see cref="ICommitListener"/>s see every commit, in commit order per table,
/// before the write is acknowledged. Persistence loads saved tables with <see cref="Restore"/> before serving.
/// </summary>
internal sealed class Catalog
{
    private readonly Dictionary<string, Table> _tables = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();
    private volatile ICommitListener[] _commitListeners = [];
    private volatile ICatalogListener[] _catalogListeners = [];

    public Catalog(string region, string accountId)
    {
        Region = region;
        AccountId = accountId;
    }

    public string Region { get; }

    public string AccountId { get; }

    /// <summary>Time source (tests and TTL can replace it).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public string TableArn(string name) => $"arn:aws:dynamodb:{Region}:{AccountId}:table/{name}";

    public void AddCommitListener(ICommitListener listener)
    {
        lock (_sync)
        {
            _commitListeners = [.. _commitListeners, listener];
        }
    }

    public void AddCatalogListener(ICatalogListener listener)
    {
        lock (_sync)
        {
            _catalogListeners = [.. _catalogListeners, listener];
        }
    }

    public Table? Find(string name)
    {
        lock (_sync)
        {
            return _tables.GetValueOrDefault(name);
        }
    }

    /// <summary>The table, or ResourceNotFoundException with the message item operations give.</summary>
    public Table Get(string name) => Find(name) ?? throw DynamoDbException.ResourceNotFound();

    /// <summary>The tables' names in ListTables order (ordinal).</summary>
    public List<string> Names()
    {
        lock (_sync)
        {
            var names = new List<string>(_tables.Keys);
            names.Sort(StringComparer.Ordinal);
            return names;
        }
    }

    public List<Table> Tables()
    {
        lock (_sync)
        {
            return [.. _tables.Values];
        }
    }

    public Table Create(TableDefinition definition)
    {
        lock (_sync)
        {
            if (_tables.ContainsKey(definition.Name))
            {
                throw DynamoDbException.ResourceInUse($"Table already exists: {definition.Name}");
            }
            var table = new Table(definition);
            _tables.Add(definition.Name, table);
            foreach (var listener in _catalogListeners)
            {
                listener.OnTableCreated(definition);
            }
            return table;
        }
    }

    /// <summary>Replaces a table's definition through <paramref name="update"/> (called with the table locked).</summary>
    public TableDefinition Update(Table table, Func<TableDefinition, TableDefinition> update)
    {
        lock (_sync)
        {
            lock (table.Sync)
            {
                table.EnsureLiveLocked();
                var previous = table.Definition;
                var current = update(previous);
                if (ReferenceEquals(previous, current))
                {
                    return current;
                }
                table.SetDefinitionLocked(current);
                foreach (var listener in _catalogListeners)
                {
                    listener.OnTableUpdated(previous, current);
                }
                return current;
            }
        }
    }

    public Table Delete(string name)
    {
        lock (_sync)
        {
            if (!_tables.TryGetValue(name, out var table))
            {
                throw DynamoDbException.ResourceNotFound($"Requested resource not found: Table: {name} not found");
            }
            lock (table.Sync)
            {
                _tables.Remove(name);
                table.MarkDeletedLocked();
                foreach (var listener in _catalogListeners)
                {
                    listener.OnTableDeleted(table.Definition);
                }
            }
            return table;
        }
    }

    /// <summary>Hands a commit to the listeners; the caller holds the lock of every table it changed.</summary>
    public void Publish(List<ItemChange> changes, bool byTimeToLive = false)
    {
        if (changes.Count == 0)
        {
            return;
        }
        var listeners = _commitListeners;
        if (listeners.Length == 0)
        {
            return;
        }
        var commit = new Commit(changes, Clock.GetUtcNow(), byTimeToLive);
        foreach (var listener in listeners)
        {
            listener.OnCommit(commit);
        }
    }

    /// <summary>Publishes one change (if any).</summary>
    public void Publish(ItemChange? change)
    {
        if (change is not null && _commitListeners.Length > 0)
        {
            Publish([change]);
        }
    }

    /// <summary>
    /// Loads a saved table and its items without notifying any listener (persistence at start-up, before the
    /// engine serves). Items are full attribute maps; sizes are recomputed.
    /// </summary>
    public Table Restore(TableDefinition definition, IEnumerable<IReadOnlyDictionary<string, AttributeValue>> items)
    {
        var table = new Table(definition);
        lock (table.Sync)
        {
            foreach (var item in items)
            {
                table.PutLocked(ItemFactory.Create(definition, item));
            }
        }
        lock (_sync)
        {
            _tables[definition.Name] = table;
        }
        return table;
    }
}
