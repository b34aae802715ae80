using System.Globalization;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.TimeToLive;

/// <summary>
/// When an item has expired, as AWS decides it: its TTL attribute is a Number of epoch seconds before now.
/// An attribute of another type, a missing one, or a time more than five years in the past (AWS never deletes
/// those) does not expire the item.
/// </summary>
internal static class TimeToLiveExpiry
{
    public static readonly TimeSpan OldestExpiry = TimeSpan.FromDays(5 * 365);

    public static bool IsExpired(IReadOnlyDictionary<string, AttributeValue> item, string attributeName, DateTimeOffset now) =>
        item.TryGetValue(attributeName, out var value) && IsExpired(value, now);

    public static bool IsExpired(AttributeValue value, DateTimeOffset now) =>
        value.Type == AttributeType.N && value.N < EpochSeconds(now) && value.N >= EpochSeconds(now - OldestExpiry);

    private static DynamoNumber EpochSeconds(DateTimeOffset time)
    {
        var ms = time.ToUnixTimeMilliseconds();
        return DynamoNumber.Parse(string.Create(CultureInfo.InvariantCulture, $"{ms / 1000}.{Math.Abs(ms % 1000):D3}"));
    }
}
