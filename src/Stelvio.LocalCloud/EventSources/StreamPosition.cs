using Stelvio.DynamoDB.Local.Streams;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// Positions in a table's change feed, as sequence numbers: where a mapping starts (<c>TRIM_HORIZON</c>: before the
/// oldest record kept; <c>LATEST</c>: after the last record written when the mapping starts) and the feed's current end.
/// </summary>
internal static class StreamPosition
{
    /// <summary>Before every record of the engine (its sequence numbers are 10^20 + a counter from 1).</summary>
    public const string Beginning = "100000000000000000000";

    public static string Start(ChangeFeed feed, string tableName, string startingPosition) =>
        startingPosition == "LATEST" ? Tail(feed, tableName, Beginning) : Beginning;

    /// <summary>The sequence number of the table's last record after <paramref name="after"/>, without waiting.</summary>
    public static string Tail(ChangeFeed feed, string tableName, string after)
    {
        using var now = new CancellationTokenSource();
        now.Cancel();
        while (true)
        {
            // With a cancelled token the read returns what is there, or ends cancelled at once instead of waiting.
            var read = feed.ReadBatchAsync(tableName, after, 1000, now.Token);
            if (!read.IsCompletedSuccessfully)
            {
                return after;
            }
            after = read.Result[^1].SequenceNumber;
        }
    }

    /// <summary>Compares sequence numbers (decimal digits) by value.</summary>
    public static int Compare(string a, string b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
}
