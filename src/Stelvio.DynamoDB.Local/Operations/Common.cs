using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>Request members many operations share, read and constrained the same way.</summary>
internal static class Common
{
    public static readonly string[] ReturnValuesAll = ["NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"];
    public static readonly string[] ConsumedCapacityModes = ["INDEXES", "TOTAL", "NONE"];
    public static readonly string[] CollectionMetricsModes = ["SIZE", "NONE"];
    public static readonly string[] OnConditionFailure = ["ALL_OLD", "NONE"];

    /// <summary>The largest item DynamoDB stores, 400 KB.</summary>
    public const int MaxItemSize = 400 * 1024;

    public static string? TableName(JsonElement request, Constraints constraints, string member = "TableName", string path = "tableName")
    {
        var name = Wire.String(request, member);
        constraints.Name(name, path);
        return name;
    }

    public static string? ConsumedCapacity(JsonElement request, Constraints constraints)
    {
        var value = Wire.String(request, "ReturnConsumedCapacity");
        constraints.Enum(value, "returnConsumedCapacity", ConsumedCapacityModes);
        return value;
    }

    public static bool CollectionMetrics(JsonElement request, Constraints constraints)
    {
        var value = Wire.String(request, "ReturnItemCollectionMetrics");
        constraints.Enum(value, "returnItemCollectionMetrics", CollectionMetricsModes);
        return value == "SIZE";
    }

    public static void CheckItemSize(int size)
    {
        if (size > MaxItemSize)
        {
            throw DynamoDbException.Validation("Item size has exceeded the maximum allowed size");
        }
    }
}
