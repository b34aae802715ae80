namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// The records waiting on one lane, in order. Records read from the stream together are added together, so a
/// batch gathered afterwards sees all of them (as Lambda's batch is what one poll returned).
/// </summary>
internal sealed class LaneQueue
{
    private readonly Lock _gate = new();
    private readonly Queue<PendingRecord> _records = new();
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(IReadOnlyList<PendingRecord> records)
    {
        if (records.Count == 0)
        {
            return;
        }
        TaskCompletionSource added;
        lock (_gate)
        {
            foreach (var record in records)
            {
                _records.Enqueue(record);
            }
            added = _added;
            _added = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        added.TrySetResult();
    }

    public bool TryTake(out PendingRecord record)
    {
        lock (_gate)
        {
            return _records.TryDequeue(out record!);
        }
    }

    /// <summary>Completes when the queue holds a record.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _records.Count > 0 ? Task.CompletedTask : _added.Task.WaitAsync(cancellationToken);
        }
    }
}
