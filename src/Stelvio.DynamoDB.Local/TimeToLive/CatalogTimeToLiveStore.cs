using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Storage;

namespace Stelvio.DynamoDB.Local.TimeToLive;

/// <summary>The engine's tables as the <see cref="TimeToLiveSweeper"/> sees them.</summary>
internal sealed class CatalogTimeToLiveStore(Catalog catalog) : ITimeToLiveStore
{
    public IReadOnlyList<TimeToLiveTable> TablesWithTimeToLive() =>
        [.. catalog.Tables()
            .Select(t => t.Definition)
            .Where(d => d.TimeToLive is { Enabled: true })
            .Select(d => new TimeToLiveTable(d.Name, d.TimeToLive!.AttributeName))];

    public IReadOnlyList<IReadOnlyDictionary<string, AttributeValue>> ExpiredKeys(TimeToLiveTable table, DateTimeOffset now)
    {
        if (catalog.Find(table.TableName) is not { } stored)
        {
            return [];
        }
        List<StoredItem> items;
        lock (stored.Sync)
        {
            items = stored.SnapshotLocked();
        }
        return [.. items.Where(i => TimeToLiveExpiry.IsExpired(i.Attributes, table.AttributeName, now)).Select(stored.KeysOf)];
    }

    public bool DeleteIfExpired(TimeToLiveTable table, IReadOnlyDictionary<string, AttributeValue> key, DateTimeOffset now)
    {
        if (catalog.Find(table.TableName) is not { } stored)
        {
            return false;
        }
        lock (stored.Sync)
        {
            var definition = stored.Definition;
            if (stored.IsDeleted || definition.TimeToLive is not { Enabled: true } ttl || ttl.AttributeName != table.AttributeName)
            {
                return false;
            }
            var hash = key[definition.Key.HashName];
            var range = definition.Key.RangeName is { } rangeName ? key[rangeName] : null;
            if (stored.GetLocked(hash, range) is not { } item || !TimeToLiveExpiry.IsExpired(item.Attributes, ttl.AttributeName, now))
            {
                return false;
            }
            catalog.Publish([stored.DeleteLocked(hash, range)!], byTimeToLive: true);
            return true;
        }
    }
}
