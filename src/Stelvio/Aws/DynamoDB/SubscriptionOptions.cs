using Stelvio.Aws.Lambda;

namespace Stelvio.Aws.DynamoDB;

/// <summary>
/// How a stream subscription feeds its function (the event source mapping). The defaults are the guide's:
/// start at the latest record, batches of up to 100, no batching window.
/// </summary>
/// <example>
/// <code>
/// orders.Subscribe("ship-orders", "functions/Orders::OrderHandlers.Ship", options: new()
/// {
///     BatchSize = 10,
///     Filters = { StreamFilter.ForEvents(StreamEventName.Modify).WhereNewImage("status", FieldType.String, "paid") },
///     MaxRetryAttempts = 3,
///     BisectBatchOnError = true,
///     ReportBatchItemFailures = true,
///     OnFailure = FailureDestination.Queue("arn:aws:sqs:eu-west-1:123456789012:orders-dlq"),
/// });
/// </code>
/// </example>
public sealed class SubscriptionOptions
{
    /// <summary>Most records per batch for a DynamoDB stream.</summary>
    public const int MaxBatchSize = 10_000;

    /// <summary>Most filters per subscription.</summary>
    public const int MaxFilters = 5;

    /// <summary>Where a new subscription starts reading. Default: <see cref="Lambda.StartingPosition.Latest"/>.</summary>
    public StartingPosition StartingPosition { get; init; } = StartingPosition.Latest;

    /// <summary>Most records per invocation, 1 to 10,000. Default: 100.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>
    /// How long to gather records before invoking, 0 to 300 seconds: whole seconds (<c>5</c>) or a <see cref="TimeSpan"/>.
    /// Default: 0 (invoke at once).
    /// </summary>
    public Duration BatchingWindow { get; init; }

    /// <summary>Only records matching one of these invoke the function; at most 5. Default: none (every record).</summary>
    public List<StreamFilter> Filters { get; init; } = [];

    /// <summary>Retries of a failed batch before its records are given up, -1 (until they expire) to 10,000. Default: Lambda's, -1.</summary>
    public int? MaxRetryAttempts { get; init; }

    /// <summary>
    /// Oldest record still sent: 60 to 604,800 seconds (7 days), as whole seconds or a <see cref="TimeSpan"/>; -1 or
    /// <see cref="Timeout.InfiniteTimeSpan"/> for no limit. Default: Lambda's, no limit.
    /// </summary>
    public Duration? MaxRecordAge { get; init; }

    /// <summary>On a function error, split the batch in two and retry each half. Default: Lambda's, off.</summary>
    public bool? BisectBatchOnError { get; init; }

    /// <summary>
    /// The function reports which records failed (<c>ReportBatchItemFailures</c>), so only those are retried.
    /// Default: off (a failure retries the whole batch).
    /// </summary>
    public bool ReportBatchItemFailures { get; init; }

    /// <summary>Batches processed at once per shard, 1 to 10. Default: Lambda's, 1.</summary>
    public int? ParallelizationFactor { get; init; }

    /// <summary>Whether the subscription invokes the function; false pauses it without losing its place. Default: true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Where records given up on are described: an SQS queue or SNS topic. Default: none.</summary>
    public FailureDestination? OnFailure { get; init; }

    /// <summary>The batching window in whole seconds (checked by <see cref="Check"/>).</summary>
    internal int BatchingWindowSeconds => BatchingWindow.WholeSeconds ?? 0;

    /// <summary>The oldest record age in whole seconds, -1 for no limit (checked by <see cref="Check"/>).</summary>
    internal int? MaxRecordAgeSeconds => MaxRecordAge is not { } age ? null : age.Value == Timeout.InfiniteTimeSpan ? -1 : age.WholeSeconds;

    /// <summary>A copy with its own filter list: what a subscription checks and keeps, so that changing this object later changes nothing.</summary>
    internal SubscriptionOptions Copy() => new()
    {
        StartingPosition = StartingPosition,
        BatchSize = BatchSize,
        BatchingWindow = BatchingWindow,
        Filters = Filters is null ? null! : [.. Filters],
        MaxRetryAttempts = MaxRetryAttempts,
        MaxRecordAge = MaxRecordAge,
        BisectBatchOnError = BisectBatchOnError,
        ReportBatchItemFailures = ReportBatchItemFailures,
        ParallelizationFactor = ParallelizationFactor,
        Enabled = Enabled,
        OnFailure = OnFailure,
    };

    internal void Check(ConfigErrors errors, string at)
    {
        if (BatchSize is < 1 or > MaxBatchSize)
        {
            errors.Add(at + ".BatchSize", $"{BatchSize} is out of range; a DynamoDB stream subscription takes batches of 1 to {MaxBatchSize.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} records.");
        }

        if (Duration.Seconds(errors, at + ".BatchingWindow", BatchingWindow) is { } window and (< 0 or > 300))
        {
            errors.Add(at + ".BatchingWindow", $"{window} is out of range; the batching window is 0 to 300 seconds.");
        }

        if (Filters is null || Filters.Any(f => f is null))
        {
            errors.Add(at + ".Filters", "holds null. List StreamFilter objects.");
        }
        else
        {
            if (Filters.Count > MaxFilters)
            {
                errors.Add(at + ".Filters", $"{Filters.Count} filters are given; a subscription takes at most {MaxFilters}. Combine conditions into fewer patterns.");
            }

            for (var i = 0; i < Filters.Count; i++)
            {
                if (Filters[i].IsEmpty)
                {
                    errors.Add($"{at}.Filters[{i}]", "has no condition, so it would let every record through. Add one (ForEvents, WhereNewImage, …) or remove the filter.");
                }
                else if (Filters[i].Pattern.Length > StreamFilter.MaxPatternLength)
                {
                    errors.Add($"{at}.Filters[{i}]", $"the pattern has {Filters[i].Pattern.Length} characters; Lambda accepts at most {StreamFilter.MaxPatternLength}.");
                }
            }

            var duplicate = Filters.GroupBy(f => f.Pattern, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                errors.Add(at + ".Filters", $"the pattern {duplicate.Key} is given twice. Give each filter once.");
            }
        }

        if (MaxRetryAttempts is < -1 or > 10_000)
        {
            errors.Add(at + ".MaxRetryAttempts", $"{MaxRetryAttempts} is out of range; use -1 (retry until the records expire) or 0 to 10,000.");
        }

        if (MaxRecordAge?.Value != Timeout.InfiniteTimeSpan && Duration.Seconds(errors, at + ".MaxRecordAge", MaxRecordAge) is { } age && age != -1 && age is < 60 or > 604_800)
        {
            errors.Add(at + ".MaxRecordAge", $"{age} is out of range; use -1 (no limit) or 60 to 604,800 seconds (7 days).");
        }

        if (ParallelizationFactor is < 1 or > 10)
        {
            errors.Add(at + ".ParallelizationFactor", $"{ParallelizationFactor} is out of range; use 1 to 10 batches per shard.");
        }

        if (OnFailure?.Arn.Literal is { } arn && !arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            errors.Add(at + ".OnFailure", $"'{arn}' is not an ARN. Give the queue's or topic's ARN (arn:aws:sqs:…, arn:aws:sns:…), or its deferred Arn.");
        }
        else if (OnFailure?.Arn.Literal is { } literal && literal.Split(':') is { Length: > 2 } parts && parts[2] != (OnFailure.Action.StartsWith("sqs", StringComparison.Ordinal) ? "sqs" : "sns"))
        {
            errors.Add(at + ".OnFailure", $"'{literal}' is a {parts[2]} ARN, but the destination was declared as {(OnFailure.Action.StartsWith("sqs", StringComparison.Ordinal) ? "a queue (FailureDestination.Queue)" : "a topic (FailureDestination.Topic)")}.");
        }
    }
}
