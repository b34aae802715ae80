using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// Checks a mapping against Lambda's rules for DynamoDB stream event sources (CreateEventSourceMapping), so a mapping
/// AWS would reject fails locally too, with the mapping, the property and the fix named.
/// </summary>
internal static class MappingValidation
{
    public static FilterCriteria Check(LocalEventSourceMapping mapping, IReadOnlyList<LocalFunction> functions, out LocalFunction function)
    {
        var id = mapping.LogicalId;
        function = functions.FirstOrDefault(f => f.Name == mapping.FunctionName)
            ?? throw Fail(id, "FunctionName", $"names '{mapping.FunctionName}', which is not a function of the app", "point it at a function the template declares");
        if (StreamDescription.TableOf(mapping.EventSourceArn).Length == 0)
        {
            throw Fail(id, "EventSourceArn", $"is '{mapping.EventSourceArn}', not a DynamoDB stream ARN", "only DynamoDB stream mappings run locally; use the table's StreamArn");
        }
        if (mapping.StartingPosition == "AT_TIMESTAMP")
        {
            throw Fail(id, "StartingPosition", "is AT_TIMESTAMP, which Lambda supports only for Kinesis, Amazon DocumentDB, Amazon MSK and self-managed Kafka, not for DynamoDB streams", "use LATEST or TRIM_HORIZON");
        }
        if (mapping.StartingPosition is not ("LATEST" or "TRIM_HORIZON"))
        {
            throw Fail(id, "StartingPosition", $"is '{mapping.StartingPosition}'", "use LATEST or TRIM_HORIZON");
        }
        if (mapping.BatchSize is < 1 or > 10000)
        {
            throw Fail(id, "BatchSize", $"is {mapping.BatchSize}", "DynamoDB stream mappings take 1 to 10000 records per batch");
        }
        if (mapping.MaximumBatchingWindow < TimeSpan.Zero || mapping.MaximumBatchingWindow > TimeSpan.FromSeconds(300))
        {
            throw Fail(id, "MaximumBatchingWindowInSeconds", $"is {mapping.MaximumBatchingWindow.TotalSeconds}", "use 0 to 300 seconds");
        }
        if (mapping.MaximumRetryAttempts is < -1 or > 10000)
        {
            throw Fail(id, "MaximumRetryAttempts", $"is {mapping.MaximumRetryAttempts}", "use -1 (retry until the records expire) or 0 to 10000");
        }
        if (mapping.MaximumRecordAge is { } age && (age < TimeSpan.FromSeconds(60) || age > TimeSpan.FromSeconds(604800)))
        {
            throw Fail(id, "MaximumRecordAgeInSeconds", $"is {age.TotalSeconds}", "use -1 (no limit) or 60 to 604800 seconds");
        }
        if (mapping.ParallelizationFactor is < 1 or > 10)
        {
            throw Fail(id, "ParallelizationFactor", $"is {mapping.ParallelizationFactor}", "use 1 to 10");
        }
        try
        {
            return FilterCriteria.Parse(mapping.FilterPatterns);
        }
        catch (FilterPatternException error)
        {
            throw new EventSourceMappingException($"Event source mapping {id}: FilterCriteria is invalid (Lambda: \"Invalid filter pattern definition.\"): {error.Message}", error);
        }
    }

    private static EventSourceMappingException Fail(string id, string property, string problem, string fix) =>
        new($"Event source mapping {id}: {property} {problem}; {fix}.");
}
