namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// Where a mapping is, so a timed-out wait can say what it waits for.
/// </summary>
/// <param name="MappingUuid">The mapping's UUID.</param>
/// <param name="LogicalId">The mapping's logical ID.</param>
/// <param name="FunctionName">The function it invokes.</param>
/// <param name="Enabled">False: the mapping delivers nothing.</param>
/// <param name="Position">The sequence number of the last record read from the stream (delivered, queued or filtered out), if any.</param>
/// <param name="PendingRecords">Records read and matching the filters but not yet dealt with (delivered or discarded).</param>
/// <param name="Lanes">Per concurrent batch lane (<c>ParallelizationFactor</c> of them): what it is doing.</param>
internal sealed record MappingState(
    string MappingUuid,
    string LogicalId,
    string FunctionName,
    bool Enabled,
    string? Position,
    int PendingRecords,
    IReadOnlyList<LaneState> Lanes)
{
    /// <summary>A line for a timeout message.</summary>
    public override string ToString()
    {
        if (!Enabled)
        {
            return $"{LogicalId} → {FunctionName}: disabled";
        }
        var busy = Lanes.Where(l => l.Status != LaneStatus.Idle).Select(l => l.ToString());
        return $"{LogicalId} → {FunctionName}: {PendingRecords} record(s) pending, read through {Position ?? "(nothing yet)"}"
            + (busy.Any() ? "; " + string.Join("; ", busy) : "");
    }
}

/// <summary>What one lane of a mapping is doing.</summary>
internal enum LaneStatus
{
    Idle,
    Gathering,
    Invoking,
    Retrying,
}

/// <summary>One lane's state: its status and, while a batch is retried, the retry count and the last error.</summary>
internal sealed record LaneState(int Lane, LaneStatus Status, int BatchRecords, int Retries, string? LastError)
{
    public override string ToString() => Status switch
    {
        LaneStatus.Gathering => $"lane {Lane} gathering a batch of {BatchRecords} record(s) (batching window)",
        LaneStatus.Invoking => $"lane {Lane} invoking with {BatchRecords} record(s)" + (Retries > 0 ? $" (retry {Retries})" : ""),
        LaneStatus.Retrying => $"lane {Lane} blocked: {BatchRecords} record(s) failed, retry {Retries} pending; last error: {LastError}",
        _ => $"lane {Lane} idle",
    };
}
