using System.Text.Json.Nodes;

namespace Stelvio.CloudFormation.Resources;

/// <summary>The properties of <c>AWS::Lambda::EventSourceMapping</c> that Stelvio writes for stream sources, in template order.</summary>
internal sealed record CfnEventSourceMapping
{
    public const string Type = "AWS::Lambda::EventSourceMapping";

    /// <summary>The stream's ARN.</summary>
    public required JsonNode EventSourceArn { get; init; }

    /// <summary>The function (a <c>Ref</c> gives its name).</summary>
    public required JsonNode FunctionName { get; init; }

    /// <summary><c>LATEST</c> or <c>TRIM_HORIZON</c>.</summary>
    public required string StartingPosition { get; init; }

    public required int BatchSize { get; init; }

    public required int MaximumBatchingWindowInSeconds { get; init; }

    /// <summary>Filter patterns (JSON text), at most 5.</summary>
    public IReadOnlyList<string> FilterPatterns { get; init; } = [];

    public int? MaximumRetryAttempts { get; init; }

    public int? MaximumRecordAgeInSeconds { get; init; }

    public bool? BisectBatchOnFunctionError { get; init; }

    /// <summary>For example <c>ReportBatchItemFailures</c>.</summary>
    public IReadOnlyList<string> FunctionResponseTypes { get; init; } = [];

    public int? ParallelizationFactor { get; init; }

    /// <summary>Written only when false (CloudFormation's default is enabled).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The ARN of the SQS queue or SNS topic that gets records which failed every retry.</summary>
    public JsonNode? OnFailureDestination { get; init; }

    /// <summary>The mapping's tags.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    public JsonObject Render()
    {
        var properties = new JsonObject
        {
            ["EventSourceArn"] = EventSourceArn.DeepClone(),
            ["FunctionName"] = FunctionName.DeepClone(),
            ["StartingPosition"] = StartingPosition,
            ["BatchSize"] = BatchSize,
            ["MaximumBatchingWindowInSeconds"] = MaximumBatchingWindowInSeconds,
        };
        if (FilterPatterns.Count > 0)
        {
            properties["FilterCriteria"] = new JsonObject
            {
                ["Filters"] = new JsonArray([.. FilterPatterns.Select(p => (JsonNode)new JsonObject { ["Pattern"] = p })]),
            };
        }

        if (MaximumRetryAttempts is { } retries)
        {
            properties["MaximumRetryAttempts"] = retries;
        }

        if (MaximumRecordAgeInSeconds is { } age)
        {
            properties["MaximumRecordAgeInSeconds"] = age;
        }

        if (BisectBatchOnFunctionError is { } bisect)
        {
            properties["BisectBatchOnFunctionError"] = bisect;
        }

        if (FunctionResponseTypes.Count > 0)
        {
            properties["FunctionResponseTypes"] = new JsonArray([.. FunctionResponseTypes.Select(t => (JsonNode)JsonValue.Create(t))]);
        }

        if (ParallelizationFactor is { } parallel)
        {
            properties["ParallelizationFactor"] = parallel;
        }

        if (!Enabled)
        {
            properties["Enabled"] = false;
        }

        if (OnFailureDestination is not null)
        {
            properties["DestinationConfig"] = new JsonObject
            {
                ["OnFailure"] = new JsonObject { ["Destination"] = OnFailureDestination.DeepClone() },
            };
        }

        if (Tags.Count > 0)
        {
            properties["Tags"] = CfnTags.List(Tags);
        }

        return properties;
    }
}
