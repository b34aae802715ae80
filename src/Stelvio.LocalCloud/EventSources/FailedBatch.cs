namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// Records a mapping gave up, with the record Lambda sends to the mapping's on-failure destination (the destination
/// is kept here, not called: queues and topics do not run locally).
/// </summary>
/// <param name="MappingUuid">The mapping's UUID.</param>
/// <param name="LogicalId">The mapping's logical ID.</param>
/// <param name="FunctionName">The function.</param>
/// <param name="Destination">The <c>DestinationConfig.OnFailure.Destination</c> ARN, if the mapping has one.</param>
/// <param name="Condition"><c>RetryAttemptsExhausted</c> or <c>RecordAgeExceeded</c>.</param>
/// <param name="RecordCount">How many records were discarded.</param>
/// <param name="Record">AWS's invocation record for the discarded batch (JSON).</param>
/// <param name="At">When the batch was discarded.</param>
internal sealed record FailedBatch(
    string MappingUuid,
    string LogicalId,
    string FunctionName,
    string? Destination,
    string Condition,
    int RecordCount,
    string Record,
    DateTimeOffset At);
