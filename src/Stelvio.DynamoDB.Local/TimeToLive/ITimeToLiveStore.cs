using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.TimeToLive;

/// <summary>What the <see cref="TimeToLiveSweeper"/> needs from storage.</summary>
internal interface ITimeToLiveStore
{
    /// <summary>The tables whose Time to Live is enabled, with the attribute that holds each item's expiry.</summary>
    IReadOnlyList<TimeToLiveTable> TablesWithTimeToLive();

    /// <summary>The keys of the table's items that are expired at <paramref name="now"/> (see <see cref="TimeToLiveExpiry"/>).</summary>
    IReadOnlyList<IReadOnlyDictionary<string, AttributeValue>> ExpiredKeys(TimeToLiveTable table, DateTimeOffset now);

    /// <summary>
    /// Deletes the item if it is still expired (checked atomically with the delete), committing the deletion
    /// with <see cref="Storage.Commit.ByTimeToLive"/> set; false if it was changed or deleted meanwhile.
    /// </summary>
    bool DeleteIfExpired(TimeToLiveTable table, IReadOnlyDictionary<string, AttributeValue> key, DateTimeOffset now);
}

/// <summary>A table with Time to Live enabled and its TTL attribute.</summary>
internal sealed record TimeToLiveTable(string TableName, string AttributeName);
