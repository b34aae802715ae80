using System.Text.Json.Serialization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Stelvio.Lambda.Context;
using Stelvio.Lambda.Events.DynamoDB;
using ItemValue = Amazon.DynamoDBv2.Model.AttributeValue;

namespace Shop.Functions;

/// <summary>The handlers of the orders table's functions.</summary>
public static class OrderHandlers
{
    private static readonly AmazonDynamoDBClient DynamoDB = new();

    /// <summary>Subscribed to the orders table's stream: logs new, changed and deleted orders.</summary>
    public static Task ProcessChanges(DynamoDBEvent dynamoEvent, ILambdaContext context)
    {
        foreach (var record in dynamoEvent.Records)
        {
            var change = record.EventName switch
            {
                DynamoDBEventNames.Insert => $"New order: {record.Dynamodb.NewImage?.ToJson()}",
                DynamoDBEventNames.Modify => $"Order updated: {record.Dynamodb.OldImage?.ToJson()} -> {record.Dynamodb.NewImage?.ToJson()}",
                _ => $"Order deleted: {record.Dynamodb.OldImage?.ToJson()}",
            };
            context.Logger.LogInformation(change);
        }

        return Task.CompletedTask;
    }

    /// <summary>Linked to the orders table: reads one order by its key.</summary>
    public static async Task<OrderResult> GetOrder(OrderKey key, ILambdaContext context)
    {
        // Resources.GetOrder is written by synth (StelvioResources.get-order.g.cs) from the function's links.
        var response = await DynamoDB.GetItemAsync(new GetItemRequest
        {
            TableName = Resources.GetOrder.Orders.TableName,
            Key = new()
            {
                ["customer_id"] = new ItemValue { S = key.CustomerId },
                ["order_date"] = new ItemValue { S = key.OrderDate },
            },
        });
        var found = response.Item is { Count: > 0 };
        context.Logger.LogInformation(found ? $"Found order {key.CustomerId}/{key.OrderDate}" : $"No order {key.CustomerId}/{key.OrderDate}");
        return new OrderResult(found, found ? response.Item!.ToDictionary(a => a.Key, a => a.Value.S ?? a.Value.N ?? "") : null);
    }
}

/// <summary>The key of an order: what <see cref="OrderHandlers.GetOrder"/> is invoked with.</summary>
public sealed record OrderKey(
    [property: JsonPropertyName("customer_id")] string CustomerId,
    [property: JsonPropertyName("order_date")] string OrderDate);

/// <summary>What <see cref="OrderHandlers.GetOrder"/> answers: whether the order exists, and its text and number attributes.</summary>
public sealed record OrderResult(
    [property: JsonPropertyName("found")] bool Found,
    [property: JsonPropertyName("order")] Dictionary<string, string>? Order);

/// <summary>JSON metadata for the handlers' own types (no reflection: Native AOT safe).</summary>
[JsonSerializable(typeof(OrderKey))]
[JsonSerializable(typeof(OrderResult))]
public sealed partial class FunctionsJsonContext : JsonSerializerContext;
