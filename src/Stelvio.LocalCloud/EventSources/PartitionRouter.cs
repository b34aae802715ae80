using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Streams;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// Sends each record to one of the mapping's <c>ParallelizationFactor</c> lanes by a hash of its partition key, so
/// records of one key stay in order while different keys are processed concurrently (as Lambda does within a shard).
/// </summary>
internal sealed class PartitionRouter(string? partitionKey, int lanes)
{
    public int LaneOf(StreamRecord record)
    {
        if (lanes == 1)
        {
            return 0;
        }
        var key = partitionKey is not null && record.Keys.TryGetValue(partitionKey, out var value)
            ? Describe(value)
            : string.Join('\u0001', record.Keys.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key + "=" + Describe(k.Value)));
        // FNV-1a: stable across runs, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % (uint)lanes);
    }

    private static string Describe(AttributeValue value) => value.Type switch
    {
        AttributeType.S => "S:" + value.S,
        AttributeType.N => "N:" + value.N,
        AttributeType.B => "B:" + Convert.ToBase64String(value.B),
        _ => value.Type + ":" + value,
    };
}
