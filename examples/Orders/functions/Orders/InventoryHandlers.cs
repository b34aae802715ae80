using Stelvio.Lambda.Context;
using Stelvio.Lambda.Events.DynamoDB;

namespace Orders.Functions;

/// <summary>Python Stelvio's example <c>update_stock</c>, in C#: a second subscriber to the orders stream.</summary>
public static class InventoryHandlers
{
    /// <summary>
    /// Reserves stock for new orders and releases it for deleted ones. A record it cannot process is
    /// reported in a partial batch response, so Lambda retries from that record instead of the whole batch.
    /// </summary>
    public static Task<StreamsEventResponse> UpdateStock(DynamoDBEvent dynamoEvent, ILambdaContext context)
    {
        var response = new StreamsEventResponse();
        foreach (var record in dynamoEvent.Records)
        {
            var keys = record.Dynamodb.Keys;
            if (keys is null || !keys.TryGetValue("customer_id", out var customer) || !keys.TryGetValue("order_date", out var date))
            {
                context.Logger.LogWarning($"Record {record.EventId} has no order key; reporting it as failed.");
                response.Fail(record);
                continue;
            }

            var order = $"{customer.S}/{date.S}";
            switch (record.EventName)
            {
                case DynamoDBEventNames.Insert:
                    context.Logger.LogInformation($"Stock reserved for order {order}");
                    break;
                case DynamoDBEventNames.Remove:
                    context.Logger.LogInformation($"Stock released for order {order}");
                    break;
            }
        }

        return Task.FromResult(response);
    }
}
