namespace Stelvio.LocalCloud.EventSources;

/// <summary>What happened to a batch.</summary>
internal enum MappingEventKind
{
    /// <summary>The function processed the batch (or the part of it it did not report as failed).</summary>
    Delivered,

    /// <summary>An invocation with the batch failed (function error, timeout, crash, reported item failures).</summary>
    Failed,

    /// <summary>The failed records are retried; the shard (or its partition-key lane) waits for them.</summary>
    Retrying,

    /// <summary>The records were given up (retries exhausted or too old) and a failure record kept.</summary>
    Discarded,
}

/// <summary>One step of a mapping's work, for the live display.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="MappingUuid">The mapping's UUID.</param>
/// <param name="LogicalId">The mapping's logical ID in the template.</param>
/// <param name="FunctionName">The function it invokes.</param>
/// <param name="RecordCount">Records concerned.</param>
/// <param name="Attempt">Retries so far for these records (0 on the first invocation).</param>
/// <param name="Error">The failure, for <see cref="MappingEventKind.Failed"/> and <see cref="MappingEventKind.Discarded"/>.</param>
/// <param name="At">When.</param>
internal sealed record MappingEvent(
    MappingEventKind Kind,
    string MappingUuid,
    string LogicalId,
    string FunctionName,
    int RecordCount,
    int Attempt,
    string? Error,
    DateTimeOffset At);
