using System.Text.Json.Serialization;

namespace Stelvio.Lambda.Events.DynamoDB;

/// <summary>
/// The event a function subscribed to a DynamoDB stream receives: a batch of change records,
/// in the JSON shape Lambda sends (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html).
/// </summary>
/// <example>
/// <code>
/// foreach (var record in dynamoEvent.Records)
/// {
///     if (record.EventName == DynamoDBEventNames.Insert)
///     {
///         context.Logger.LogInformation($"New order: {record.Dynamodb.NewImage!.ToJson()}");
///     }
/// }
/// </code>
/// </example>
public sealed class DynamoDBEvent
{
    /// <summary>The change records of the batch, in stream order.</summary>
    [JsonPropertyName("Records")]
    public List<DynamoDBStreamRecord> Records { get; set; } = [];
}
