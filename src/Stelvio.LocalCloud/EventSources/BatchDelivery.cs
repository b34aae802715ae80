using Stelvio.LocalCloud.Lambda;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// Delivers one batch until every record in it is dealt with, as Lambda handles stream errors: a failed invocation
/// (function error, timeout, crash) is retried with the same records, in order, blocking the lane, until it succeeds,
/// <c>MaximumRetryAttempts</c> retries are used up or the records are older than <c>MaximumRecordAgeInSeconds</c>;
/// with <c>BisectBatchOnFunctionError</c> a failed batch is split in two and each half is retried in order (a split
/// does not use up a retry); with <c>ReportBatchItemFailures</c> the records before the lowest reported one are done
/// and the rest are retried. Records given up produce AWS's on-failure record.
/// </summary>
internal sealed class BatchDelivery(MappingRunner mapping, LaneProgress lane)
{
    private sealed record Segment(List<PendingRecord> Records, int Retries, int Invocations, InvocationResult? Last);

    public async Task DeliverAsync(List<PendingRecord> batch, CancellationToken cancellationToken)
    {
        var pending = new Stack<Segment>();
        pending.Push(new Segment(batch, 0, 0, null));
        while (pending.TryPop(out var segment))
        {
            await DeliverSegmentAsync(segment, pending, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeliverSegmentAsync(Segment segment, Stack<Segment> pending, CancellationToken cancellationToken)
    {
        var (records, retries, invocations, last) = (segment.Records, segment.Retries, segment.Invocations, segment.Last);
        var policy = mapping.Policy;
        while (true)
        {
            var expired = policy.ExpiredCount(records, mapping.Time.GetUtcNow());
            if (expired > 0)
            {
                mapping.Discard(records[..expired], FailureRecord.RecordAgeExceeded, invocations, last, retries);
                records = records[expired..];
                if (records.Count == 0)
                {
                    return;
                }
            }

            lane.Set(LaneStatus.Invoking, records.Count, retries);
            var result = await mapping.InvokeAsync(records, cancellationToken).ConfigureAwait(false);
            invocations++;
            last = result;
            var failedFrom = Evaluate(result, records, out var error);
            if (failedFrom < 0)
            {
                mapping.Done(records, MappingEventKind.Delivered, retries);
                return;
            }

            mapping.Emit(MappingEventKind.Failed, records.Count - failedFrom, retries, error);
            if (result.Error is not null && mapping.Mapping.BisectBatchOnFunctionError && records.Count > 1)
            {
                var half = (records.Count + 1) / 2;
                pending.Push(new Segment(records[half..], retries, invocations, last));
                pending.Push(new Segment(records[..half], retries, invocations, last));
                return;
            }
            if (failedFrom > 0)
            {
                mapping.Done(records[..failedFrom], MappingEventKind.Delivered, retries);
                records = records[failedFrom..];
            }
            if (!policy.CanRetry(retries))
            {
                mapping.Discard(records, FailureRecord.RetryAttemptsExhausted, invocations, last, retries);
                return;
            }
            retries++;
            lane.Set(LaneStatus.Retrying, records.Count, retries, error);
            mapping.Emit(MappingEventKind.Retrying, records.Count, retries, error);
            var delay = policy.Delay(retries);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, mapping.Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>-1: success; otherwise the index to retry from, with the error.</summary>
    private int Evaluate(InvocationResult result, IReadOnlyList<PendingRecord> records, out string? error)
    {
        if (result.Error is { } functionError)
        {
            error = $"{functionError.ErrorType}: {functionError.ErrorMessage}";
            return 0;
        }
        error = null;
        if (!mapping.Mapping.ReportBatchItemFailures)
        {
            return -1;
        }
        var failedFrom = BatchItemFailures.Read(result.Payload, records, out var problem);
        error = problem ?? (failedFrom >= 0 ? $"the function reported {records[failedFrom].Record.SequenceNumber} and later records as failed" : null);
        return failedFrom;
    }
}
