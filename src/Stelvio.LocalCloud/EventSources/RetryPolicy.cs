namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// When a failed batch is retried and when its records are given up: after <c>MaximumRetryAttempts</c> retries
/// (-1: no limit), or once a record is older than <c>MaximumRecordAgeInSeconds</c> (none: until it leaves the
/// stream, 24 hours after it was written, as DynamoDB Streams keeps records).
/// </summary>
internal sealed class RetryPolicy(int maximumRetryAttempts, TimeSpan? maximumRecordAge, Func<int, TimeSpan> delay)
{
    /// <summary>How long DynamoDB Streams keeps a record.</summary>
    public static readonly TimeSpan StreamRetention = TimeSpan.FromHours(24);

    /// <summary>Whether records that have been retried <paramref name="retries"/> times may be retried once more.</summary>
    public bool CanRetry(int retries) => maximumRetryAttempts < 0 || retries < maximumRetryAttempts;

    /// <summary>How many records at the start of the batch are too old to be sent (records are in time order).</summary>
    public int ExpiredCount(IReadOnlyList<PendingRecord> records, DateTimeOffset now)
    {
        var maxAge = maximumRecordAge ?? StreamRetention;
        var count = 0;
        while (count < records.Count && now - records[count].Record.ApproximateCreationDateTime > maxAge)
        {
            count++;
        }
        return count;
    }

    /// <summary>The wait before retry number <paramref name="retry"/>.</summary>
    public TimeSpan Delay(int retry) => delay(retry);

    /// <summary>1 s, 2 s, 4 s, … up to 30 s.</summary>
    public static TimeSpan DefaultDelay(int retry) => TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Max(0, retry - 1))));
}
