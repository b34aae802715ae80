using Stelvio.Lambda.Context;
using Stelvio.Lambda.Events.DynamoDB;

namespace Orders.Functions;

/// <summary>Python Stelvio's example <c>process_changes</c>, in C#: subscribed to the orders table's stream.</summary>
public static class OrderHandlers
{
    /// <summary>Processes DynamoDB stream events: logs new, updated and deleted orders.</summary>
    public static Task ProcessChanges(DynamoDBEvent dynamoEvent, ILambdaContext context)
    {
        foreach (var record in dynamoEvent.Records)
        {
            switch (record.EventName) // INSERT, MODIFY, REMOVE
            {
                case DynamoDBEventNames.Insert:
                    // New item added
                    var newItem = record.Dynamodb.NewImage;
                    context.Logger.LogInformation($"New order: {Show(newItem)}");
                    break;

                case DynamoDBEventNames.Modify:
                    // Item updated
                    var oldItem = record.Dynamodb.OldImage;
                    var updated = record.Dynamodb.NewImage;
                    context.Logger.LogInformation($"Order updated: {Show(oldItem)} -> {Show(updated)}");
                    break;

                case DynamoDBEventNames.Remove:
                    // Item deleted
                    var deleted = record.Dynamodb.OldImage;
                    context.Logger.LogInformation($"Order deleted: {Show(deleted)}");
                    break;
            }
        }

        return Task.CompletedTask;
    }

    private static string Show(Dictionary<string, AttributeValue>? image) => image?.ToJson() ?? "(not in the stream view)";
}
