using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Stelvio.Lambda.Context;
using Stelvio.Lambda.Events.DynamoDB;
using StreamImage = System.Collections.Generic.Dictionary<string, Stelvio.Lambda.Events.DynamoDB.AttributeValue>;

namespace Orders.Functions;

/// <summary>
/// Python Stelvio's example <c>process_changes</c>, in C#: subscribed to the orders table's stream. It also records
/// each change it saw in the order-changes table, which is linked to it.
/// </summary>
public static class OrderHandlers
{
    // One client for the life of the process: warm invocations reuse its connections. It takes the endpoint,
    // region and credentials from the environment, in AWS and locally alike.
    private static readonly Lazy<AmazonDynamoDBClient> Db = new(() => new AmazonDynamoDBClient());

    /// <summary>Processes DynamoDB stream events: logs new, updated and deleted orders and records each change.</summary>
    public static async Task ProcessChanges(DynamoDBEvent dynamoEvent, ILambdaContext context)
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

            // The link gives the table's name (Resources.OrdersProcessOrders.OrderChanges.TableName) and the right to write it.
            await Db.Value.PutItemAsync(Resources.OrdersProcessOrders.OrderChanges.TableName, Change(record));
        }
    }

    /// <summary>What the handler saw in one record: the order's key, the event, the keys and the images the stream view holds.</summary>
    internal static Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> Change(DynamoDBStreamRecord record)
    {
        var keys = record.Dynamodb.Keys ?? [];
        var change = new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>
        {
            ["order"] = new() { S = $"{Text(keys, "customer_id")}/{Text(keys, "order_date")}" },
            ["sequence"] = new() { S = record.Dynamodb.SequenceNumber },
            ["event"] = new() { S = record.EventName },
            ["keys"] = new() { S = keys.ToJson() },
        };
        if (record.Dynamodb.NewImage is { } newImage)
        {
            change["new_image"] = new() { S = newImage.ToJson() };
        }

        if (record.Dynamodb.OldImage is { } oldImage)
        {
            change["old_image"] = new() { S = oldImage.ToJson() };
        }

        return change;
    }

    private static string? Text(StreamImage keys, string name) => keys.TryGetValue(name, out var value) ? value.S : null;

    private static string Show(StreamImage? image) => image?.ToJson() ?? "(not in the stream view)";
}
