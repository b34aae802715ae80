using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>
/// Shard iterators: opaque to clients, shaped as AWS's (<c>{streamArn}|1|{payload}</c>), carrying the shard,
/// the sequence number after which reading continues and when the iterator was issued (it expires 15 minutes
/// later, as AWS).
/// </summary>
internal static class ShardIterators
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public static string Encode(ShardPosition position)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{position.ShardId}:{position.After}:{position.Issued.ToUnixTimeMilliseconds()}");
        return $"{position.StreamArn}|1|{Convert.ToBase64String(Encoding.UTF8.GetBytes(payload))}";
    }

    public static bool TryDecode(string iterator, [NotNullWhen(true)] out ShardPosition? position)
    {
        position = null;
        var bar = iterator.LastIndexOf("|1|", StringComparison.Ordinal);
        if (bar <= 0)
        {
            return false;
        }
        string payload;
        try
        {
            payload = Encoding.UTF8.GetString(Convert.FromBase64String(iterator[(bar + 3)..]));
        }
        catch (FormatException)
        {
            return false;
        }
        var parts = payload.Split(':');
        if (parts.Length != 3
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var after)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issued))
        {
            return false;
        }
        position = new ShardPosition(iterator[..bar], parts[0], after, DateTimeOffset.FromUnixTimeMilliseconds(issued));
        return true;
    }
}

/// <summary>Where a shard iterator points: reading continues after sequence number <see cref="After"/>.</summary>
internal sealed record ShardPosition(string StreamArn, string ShardId, long After, DateTimeOffset Issued);
