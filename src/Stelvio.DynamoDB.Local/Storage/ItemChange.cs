using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Storage;

/// <summary>
/// One item's change as committed by storage: what streams and persistence consume. <see cref="OldImage"/> is
/// null for an insert, <see cref="NewImage"/> null for a removal; a write that changes nothing is not a change.
/// </summary>
public sealed record ItemChange(
    string TableName,
    IReadOnlyDictionary<string, AttributeValue> Keys,
    IReadOnlyDictionary<string, AttributeValue>? OldImage,
    IReadOnlyDictionary<string, AttributeValue>? NewImage)
{
    public string EventName => OldImage is null ? "INSERT" : NewImage is null ? "REMOVE" : "MODIFY";
}

/// <summary>
/// The changes of one commit (a single write, a batch member or a whole transaction), in commit order.
/// <see cref="ByTimeToLive"/> marks deletions by TTL expiry (their stream records carry the service identity).
/// </summary>
public sealed record Commit(IReadOnlyList<ItemChange> Changes, DateTimeOffset Time, bool ByTimeToLive = false);

/// <summary>Receives every commit, in commit order, before the write is acknowledged.</summary>
public interface ICommitListener
{
    void OnCommit(Commit commit);
}
