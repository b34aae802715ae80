namespace Stelvio.LocalCloud.Template;

/// <summary>An event source mapping of the template, with Lambda's defaults filled in where the template is silent.</summary>
/// <param name="LogicalId">The template's logical ID.</param>
/// <param name="Uuid">The mapping's UUID (stable for the same template and logical ID).</param>
/// <param name="FunctionName">The name of the function it invokes (resolved from a name, ARN or <c>Ref</c>).</param>
/// <param name="EventSourceArn">The stream ARN it reads.</param>
/// <param name="StartingPosition"><c>LATEST</c>, <c>TRIM_HORIZON</c> or <c>AT_TIMESTAMP</c>.</param>
/// <param name="StartingPositionTimestamp">For <c>AT_TIMESTAMP</c>.</param>
/// <param name="BatchSize">Default 100.</param>
/// <param name="MaximumBatchingWindow">Default 0.</param>
/// <param name="MaximumRetryAttempts">-1 (the default): until the records expire.</param>
/// <param name="MaximumRecordAge">null (the default, -1): no limit.</param>
/// <param name="BisectBatchOnFunctionError">Split a failed batch in two and retry each half.</param>
/// <param name="ReportBatchItemFailures"><c>FunctionResponseTypes</c> holds <c>ReportBatchItemFailures</c>.</param>
/// <param name="ParallelizationFactor">1–10 concurrent batches per shard, by partition key.</param>
/// <param name="Enabled">A disabled mapping delivers nothing.</param>
/// <param name="FilterPatterns">The <c>FilterCriteria.Filters[].Pattern</c> strings (JSON).</param>
/// <param name="OnFailureDestination">The <c>DestinationConfig.OnFailure.Destination</c> ARN, if any.</param>
/// <param name="TumblingWindow"><c>TumblingWindowInSeconds</c>, when set.</param>
internal sealed record LocalEventSourceMapping(
    string LogicalId,
    string Uuid,
    string FunctionName,
    string EventSourceArn,
    string StartingPosition,
    DateTimeOffset? StartingPositionTimestamp,
    int BatchSize,
    TimeSpan MaximumBatchingWindow,
    int MaximumRetryAttempts,
    TimeSpan? MaximumRecordAge,
    bool BisectBatchOnFunctionError,
    bool ReportBatchItemFailures,
    int ParallelizationFactor,
    bool Enabled,
    IReadOnlyList<string> FilterPatterns,
    string? OnFailureDestination,
    TimeSpan? TumblingWindow);
