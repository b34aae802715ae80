using Stelvio.Aws.DynamoDB;

namespace Stelvio.Tests.Fixtures;

/// <summary>The guide's tables, declared in the current app.</summary>
public static class GuideTables
{
    /// <summary>The guide's <c>users</c> table (linking section).</summary>
    public static DynamoTable Users() => new("users", new()
    {
        Fields = { ["user_id"] = "string", ["name"] = "string" },
        PartitionKey = "user_id",
    });

    /// <summary>The guide's <c>orders</c> table of the subscriptions section, with a new-and-old-images stream.</summary>
    public static DynamoTable OrdersWithStream() => new("orders", new()
    {
        Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
        PartitionKey = "customer_id",
        SortKey = "order_date",
        Stream = "new-and-old-images",
    });

    /// <summary>An <c>orders</c> table without a stream.</summary>
    public static DynamoTable OrdersWithoutStream() => new("orders", new()
    {
        Fields = { ["customer_id"] = "string", ["order_date"] = "string" },
        PartitionKey = "customer_id",
        SortKey = "order_date",
    });
}
