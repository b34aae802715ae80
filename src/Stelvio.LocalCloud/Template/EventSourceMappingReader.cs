using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Template;

/// <summary>
/// Reads an <c>AWS::Lambda::EventSourceMapping</c> on a DynamoDB stream, with Lambda's defaults where the template is
/// silent: batch size 100, no batching window, retries and record age unlimited (-1), no bisect, parallelization 1,
/// enabled. A mapping of another source (SQS, Kinesis, …) or of a function or stream not run locally is left out.
/// </summary>
internal static class EventSourceMappingReader
{
    private static readonly HashSet<string> Honoured = new(StringComparer.Ordinal)
    {
        "EventSourceArn", "FunctionName", "StartingPosition", "StartingPositionTimestamp", "BatchSize", "MaximumBatchingWindowInSeconds",
        "FilterCriteria", "MaximumRetryAttempts", "MaximumRecordAgeInSeconds", "BisectBatchOnFunctionError", "FunctionResponseTypes",
        "ParallelizationFactor", "Enabled", "DestinationConfig", "TumblingWindowInSeconds", "Tags",
    };

    /// <summary>The mapping, or null when it is not run locally (noted in <paramref name="notes"/>).</summary>
    /// <param name="resource">The mapping.</param>
    /// <param name="uuid">Its UUID.</param>
    /// <param name="resolver">Resolves its properties.</param>
    /// <param name="functions">The functions run locally, by name.</param>
    /// <param name="streams">The stream ARNs of the tables run locally.</param>
    /// <param name="notes">Where what is not run locally is noted.</param>
    public static LocalEventSourceMapping? Read(
        TemplateResource resource,
        string uuid,
        IntrinsicResolver resolver,
        IReadOnlySet<string> functions,
        IReadOnlySet<string> streams,
        NotRunLocally notes)
    {
        var id = resource.LogicalId;
        var properties = resolver.ResolveProperties(resource);
        foreach (var (property, _) in properties)
        {
            if (!Honoured.Contains(property))
            {
                notes.Property(id, property);
            }
        }

        var source = TemplateValues.Required(properties, "EventSourceArn", id, "the ARN of the DynamoDB stream the mapping reads");
        if (!source.StartsWith("arn:aws:dynamodb:", StringComparison.Ordinal) || !source.Contains("/stream/", StringComparison.Ordinal))
        {
            notes.Add($"{id} (AWS::Lambda::EventSourceMapping): its source {source} is not a DynamoDB stream; only DynamoDB stream subscriptions are run locally, so the mapping is left out.");
            return null;
        }

        if (!streams.Contains(source))
        {
            notes.Add($"{id} (AWS::Lambda::EventSourceMapping): its source {source} is not the stream of a table of this template; the mapping is left out.");
            return null;
        }

        var function = FunctionName(TemplateValues.Required(properties, "FunctionName", id, "the function's name or ARN"), id, notes);
        if (!functions.Contains(function))
        {
            notes.Add($"{id} (AWS::Lambda::EventSourceMapping): it invokes '{function}', which is not a function run locally; the mapping is left out.");
            return null;
        }

        var startingPosition = TemplateValues.Required(properties, "StartingPosition", id, "where a stream subscription starts: LATEST, TRIM_HORIZON or AT_TIMESTAMP");
        if (startingPosition is not ("LATEST" or "TRIM_HORIZON" or "AT_TIMESTAMP"))
        {
            throw new LocalTemplateException(id, "Properties.StartingPosition", $"'{startingPosition}' is not a starting position of a stream: use LATEST, TRIM_HORIZON or AT_TIMESTAMP.");
        }

        DateTimeOffset? timestamp = TemplateValues.Decimal(properties["StartingPositionTimestamp"], id, "StartingPositionTimestamp") is { } seconds
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000))
            : null;
        if (startingPosition == "AT_TIMESTAMP" && timestamp is null)
        {
            throw new LocalTemplateException(id, "Properties.StartingPositionTimestamp", "is required with StartingPosition AT_TIMESTAMP: the time to start reading at, in seconds since the epoch.");
        }

        var destination = OnFailure(properties["DestinationConfig"], id, notes);
        var recordAge = TemplateValues.Number(properties["MaximumRecordAgeInSeconds"], id, "MaximumRecordAgeInSeconds") ?? -1;
        var window = TemplateValues.Number(properties["TumblingWindowInSeconds"], id, "TumblingWindowInSeconds");
        if (window is > 0)
        {
            notes.Property(id, "TumblingWindowInSeconds", "batches are delivered without tumbling-window state");
        }

        return new LocalEventSourceMapping(
            id,
            uuid,
            function,
            source,
            startingPosition,
            timestamp,
            TemplateValues.Number(properties["BatchSize"], id, "BatchSize") ?? 100,
            TimeSpan.FromSeconds(TemplateValues.Number(properties["MaximumBatchingWindowInSeconds"], id, "MaximumBatchingWindowInSeconds") ?? 0),
            TemplateValues.Number(properties["MaximumRetryAttempts"], id, "MaximumRetryAttempts") ?? -1,
            recordAge == -1 ? null : TimeSpan.FromSeconds(recordAge),
            TemplateValues.Bool(properties["BisectBatchOnFunctionError"], id, "BisectBatchOnFunctionError") ?? false,
            (properties["FunctionResponseTypes"] as JsonArray ?? []).Any(t => TemplateValues.Text(t) == "ReportBatchItemFailures"),
            TemplateValues.Number(properties["ParallelizationFactor"], id, "ParallelizationFactor") ?? 1,
            TemplateValues.Bool(properties["Enabled"], id, "Enabled") ?? true,
            Filters(properties["FilterCriteria"], id),
            destination,
            window is { } seconds2 ? TimeSpan.FromSeconds(seconds2) : null);
    }

    /// <summary>
    /// The function's name from <c>FunctionName</c>: a name, an ARN (<c>arn:aws:lambda:…:function:name[:qualifier]</c>),
    /// a partial ARN (<c>account:function:name</c>) or <c>name:qualifier</c>; a qualifier is noted (the latest code runs).
    /// </summary>
    public static string FunctionName(string value, string logicalId, NotRunLocally notes)
    {
        var parts = value.Split(':');
        var at = Array.IndexOf(parts, "function");
        string name;
        string? qualifier;
        if (at >= 0 && at + 1 < parts.Length)
        {
            name = parts[at + 1];
            qualifier = at + 2 < parts.Length ? parts[at + 2] : null;
        }
        else
        {
            name = parts[0];
            qualifier = parts.Length > 1 ? parts[1] : null;
        }

        if (qualifier is not null and not "$LATEST")
        {
            notes.Property(logicalId, $"FunctionName qualifier '{qualifier}'", "versions and aliases are not kept locally; the function's current code runs");
        }

        return name;
    }

    private static List<string> Filters(JsonNode? criteria, string logicalId) =>
        [.. (criteria?["Filters"] as JsonArray ?? []).Select((filter, i) => TemplateValues.Text(filter?["Pattern"])
            ?? throw new LocalTemplateException(logicalId, $"Properties.FilterCriteria.Filters[{i}].Pattern", "must be a filter pattern (JSON text)."))];

    private static string? OnFailure(JsonNode? config, string logicalId, NotRunLocally notes)
    {
        if (config is not JsonObject destinations)
        {
            return null;
        }

        if (destinations["OnSuccess"] is not null)
        {
            notes.Property(logicalId, "DestinationConfig.OnSuccess", "stream mappings have no on-success destination");
        }

        if (TemplateValues.Text(destinations["OnFailure"]?["Destination"]) is not { } arn)
        {
            return null;
        }

        notes.Add($"{logicalId}: on-failure records are kept locally, not sent to {arn}.");
        return arn;
    }
}
