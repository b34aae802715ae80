namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// Gathers a lane's next batch as Lambda does: it waits for a first record, then takes what is there up to
/// <c>BatchSize</c>; with a batching window it keeps gathering until the batch is full, the window (counted from the
/// first record) has passed, or the next record would take the event past Lambda's 6 MB payload limit.
/// </summary>
internal sealed class RecordBatcher(LaneQueue queue, int batchSize, TimeSpan window, TimeProvider time)
{
    /// <summary>Lambda's synchronous invocation payload limit.</summary>
    public const int MaxPayloadBytes = 6 * 1024 * 1024;

    private PendingRecord? _carried;

    /// <summary>The next batch (never empty); <paramref name="gathering"/> is told when a first record waits for more.</summary>
    public async Task<List<PendingRecord>> NextAsync(Action<int> gathering, CancellationToken cancellationToken)
    {
        PendingRecord? first = _carried;
        _carried = null;
        while (first is null)
        {
            await queue.WaitAsync(cancellationToken).ConfigureAwait(false);
            first = queue.TryTake(out var taken) ? taken : null;
        }
        var batch = new List<PendingRecord> { first };
        long size = StreamEventJson.Overhead(1) + first.Json.Length;
        var deadline = time.GetUtcNow() + window;
        while (true)
        {
            while (batch.Count < batchSize && queue.TryTake(out var next))
            {
                if (size + next.Json.Length + 1 > MaxPayloadBytes)
                {
                    _carried = next;
                    return batch;
                }
                batch.Add(next);
                size += next.Json.Length + 1;
            }
            var remaining = deadline - time.GetUtcNow();
            if (batch.Count >= batchSize || remaining <= TimeSpan.Zero)
            {
                return batch;
            }
            gathering(batch.Count);
            using var windowEnd = new CancellationTokenSource(remaining, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, windowEnd.Token);
            try
            {
                await queue.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return batch;
            }
        }
    }
}
