using System.Text.Json;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>
/// What PutItem, UpdateItem and DeleteItem return besides the write: ReturnValues, ReturnConsumedCapacity,
/// ReturnItemCollectionMetrics and ReturnValuesOnConditionCheckFailure, read and checked in AWS's order.
/// </summary>
internal sealed record WriteOptions(string? ReturnValues, string? CapacityMode, bool Metrics, string? OnFailure)
{
    public static WriteOptions Read(JsonElement request, Constraints constraints)
    {
        var returnValues = Wire.String(request, "ReturnValues");
        constraints.Enum(returnValues, "returnValues", Common.ReturnValuesAll);
        var capacityMode = Common.ConsumedCapacity(request, constraints);
        var metrics = Common.CollectionMetrics(request, constraints);
        var onFailure = Wire.String(request, "ReturnValuesOnConditionCheckFailure");
        constraints.Enum(onFailure, "returnValuesOnConditionCheckFailure", Common.OnConditionFailure);
        return new WriteOptions(returnValues, capacityMode, metrics, onFailure);
    }
}
