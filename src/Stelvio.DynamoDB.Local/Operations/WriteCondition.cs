using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>
/// The condition of a write (ConditionExpression or the legacy Expected), evaluated against the current item while
/// the table is locked.
/// </summary>
internal sealed class WriteCondition
{
    private readonly Func<IReadOnlyDictionary<string, AttributeValue>?, bool> _evaluate;

    private WriteCondition(Func<IReadOnlyDictionary<string, AttributeValue>?, bool> evaluate) => _evaluate = evaluate;

    /// <summary>Reads the request's condition; null when it has none.</summary>
    public static WriteCondition? Read(JsonElement request, string operation)
    {
        var expression = Wire.String(request, "ConditionExpression");
        var expected = Wire.Map(request, "Expected");
        if (expression is null && expected is null)
        {
            return null;
        }
        throw DynamoDbException.Validation($"{operation}: conditions are not supported yet");
    }

    /// <summary>Throws ConditionalCheckFailedException (with the item when asked) when the condition is false.</summary>
    public void Check(IReadOnlyDictionary<string, AttributeValue>? current, bool returnItem)
    {
        if (!_evaluate(current))
        {
            throw new ConditionalCheckFailedException(returnItem ? current : null);
        }
    }
}
