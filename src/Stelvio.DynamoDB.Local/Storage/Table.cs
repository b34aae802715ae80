using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Storage;

/// <summary>
/// A table's items and indexes. Every read and write holds <see cref="Sync"/> (one lock per table: conditional
/// writes and transactions are atomic and isolated, no update is lost); the <c>…Locked</c> methods expect the
/// caller to hold it. Writes return the change they made and the caller publishes the commit through
/// <c>Catalog.Publish</c> while still holding the lock, so listeners see commits in order.
/// </summary>
internal sealed class Table
{
    private readonly SortedSet<Entry> _items = new(Entry.Comparer);
    private readonly Dictionary<string, SortedSet<Entry>> _indexes = new(StringComparer.Ordinal);
    private volatile TableDefinition _definition;

    public Table(TableDefinition definition)
    {
        _definition = definition;
        foreach (var index in definition.LocalIndexes)
        {
            _indexes[index.Name] = new SortedSet<Entry>(Entry.Comparer);
        }
        foreach (var index in definition.GlobalIndexes)
        {
            _indexes[index.Name] = new SortedSet<Entry>(Entry.Comparer);
        }
    }

    public object Sync { get; } = new();

    public TableDefinition Definition => _definition;

    public string Name => _definition.Name;

    /// <summary>Set when DeleteTable removed the table; a writer that waited for the lock then fails.</summary>
    public bool IsDeleted { get; private set; }

    public long ItemCount { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>Replaces the definition (UpdateTable); adds or drops index storage to match, backfilling new GSIs.</summary>
    internal void SetDefinitionLocked(TableDefinition definition)
    {
        var old = _definition;
        _definition = definition;
        foreach (var index in old.GlobalIndexes)
        {
            if (definition.FindIndex(index.Name) is null)
            {
                _indexes.Remove(index.Name);
            }
        }
        foreach (var index in definition.GlobalIndexes)
        {
            if (!_indexes.ContainsKey(index.Name))
            {
                var set = new SortedSet<Entry>(Entry.Comparer);
                foreach (var entry in _items)
                {
                    if (IndexEntry(index, entry.Item!, entry.Item!.Attributes) is { } indexEntry)
                    {
                        set.Add(indexEntry);
                    }
                }
                _indexes[index.Name] = set;
            }
        }
    }

    internal void MarkDeletedLocked() => IsDeleted = true;

    /// <summary>Throws ResourceNotFound when the table was deleted while the caller waited.</summary>
    public void EnsureLiveLocked()
    {
        if (IsDeleted)
        {
            throw DynamoDbException.ResourceNotFound();
        }
    }

    public StoredItem? GetLocked(AttributeValue hash, AttributeValue? range)
    {
        var probe = Entry.Probe(hash, range, true, 0);
        return _items.TryGetValue(probe, out var found) ? found.Item : null;
    }

    /// <summary>Stores <paramref name="item"/> (replacing any item with its key) and maintains the indexes.</summary>
    public ItemChange? PutLocked(StoredItem item)
    {
        var old = GetLocked(item.Hash, item.Range);
        var attributes = item.Attributes;
        IReadOnlyDictionary<string, AttributeValue>? oldAttributes = null;
        if (old is not null)
        {
            if (old.SameAs(item))
            {
                return null;
            }
            oldAttributes = old.Attributes;
            if (AttributesEqual(oldAttributes, attributes))
            {
                return null;
            }
            RemoveLocked(old, oldAttributes);
        }
        _items.Add(Entry.ForItem(item));
        ItemCount++;
        SizeBytes += item.Size;
        foreach (var index in AllIndexes())
        {
            if (IndexEntry(index, item, attributes) is { } entry)
            {
                _indexes[index.Name].Add(entry);
            }
        }
        return new ItemChange(Name, KeysOf(item), oldAttributes, attributes);
    }

    public ItemChange? DeleteLocked(AttributeValue hash, AttributeValue? range)
    {
        var old = GetLocked(hash, range);
        if (old is null)
        {
            return null;
        }
        var attributes = old.Attributes;
        RemoveLocked(old, attributes);
        return new ItemChange(Name, KeysOf(old), attributes, null);
    }

    private void RemoveLocked(StoredItem old, IReadOnlyDictionary<string, AttributeValue> attributes)
    {
        _items.Remove(Entry.ForItem(old));
        ItemCount--;
        SizeBytes -= old.Size;
        foreach (var index in AllIndexes())
        {
            if (IndexEntry(index, old, attributes) is { } entry)
            {
                _indexes[index.Name].Remove(entry);
            }
        }
    }

    /// <summary>The table's key attributes of an item.</summary>
    public IReadOnlyDictionary<string, AttributeValue> KeysOf(StoredItem item)
    {
        var key = _definition.Key;
        var keys = new Dictionary<string, AttributeValue>(2, StringComparer.Ordinal) { [key.HashName] = item.Hash };
        if (key.RangeName is not null && item.Range is not null)
        {
            keys[key.RangeName] = item.Range;
        }
        return keys;
    }

    /// <summary>Items in an index and their total size (as DescribeTable shows them).</summary>
    public (long Count, long Size) IndexStatistics(string index)
    {
        lock (Sync)
        {
            if (!_indexes.TryGetValue(index, out var set))
            {
                return (0, 0);
            }
            long size = 0;
            foreach (var entry in set)
            {
                size += entry.Item!.Size;
            }
            return (set.Count, size);
        }
    }

    /// <summary>Entries of the table (index null) or an index, from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public IEnumerable<Entry> RangeLocked(string? index, Entry from, Entry to, bool forward = true)
    {
        var set = index is null ? _items : _indexes[index];
        if (Entry.Comparer.Compare(from, to) > 0)
        {
            return [];
        }
        var view = set.GetViewBetween(from, to);
        return forward ? view : view.Reverse();
    }

    /// <summary>The items of a partition (table or index) between two sort-key probes.</summary>
    public IEnumerable<Entry> PartitionLocked(string? index, AttributeValue hash, bool forward = true) =>
        RangeLocked(index, Entry.Probe(hash, null, false, -1), Entry.Probe(hash, null, false, 1), forward);

    private IEnumerable<IndexDefinition> AllIndexes()
    {
        var definition = _definition;
        if (definition.LocalIndexes.Count == 0 && definition.GlobalIndexes.Count == 0)
        {
            return [];
        }
        return definition.LocalIndexes.Concat(definition.GlobalIndexes);
    }

    /// <summary>The index entry of an item, or null when the item lacks (or mistypes) an index key attribute (sparse index).</summary>
    private static Entry? IndexEntry(IndexDefinition index, StoredItem item, IReadOnlyDictionary<string, AttributeValue> attributes)
    {
        if (!attributes.TryGetValue(index.Key.HashName, out var hash) || hash.Type != index.Key.HashType)
        {
            return null;
        }
        AttributeValue? range = null;
        if (index.Key.RangeName is not null
            && (!attributes.TryGetValue(index.Key.RangeName, out range) || range.Type != index.Key.RangeType))
        {
            return null;
        }
        return Entry.ForIndex(hash, range, item);
    }

    private static bool AttributesEqual(IReadOnlyDictionary<string, AttributeValue> a, IReadOnlyDictionary<string, AttributeValue> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        if (a.Count != b.Count)
        {
            return false;
        }
        foreach (var (name, value) in a)
        {
            if (!b.TryGetValue(name, out var other) || !value.Equals(other))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Every stored item, in scan order (for persistence snapshots).</summary>
    public List<StoredItem> SnapshotLocked()
    {
        var list = new List<StoredItem>(_items.Count);
        foreach (var entry in _items)
        {
            list.Add(entry.Item!);
        }
        return list;
    }
}
