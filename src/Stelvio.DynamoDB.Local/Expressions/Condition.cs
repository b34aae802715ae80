using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>A parsed condition (ConditionExpression, FilterExpression, Expected, QueryFilter/ScanFilter).</summary>
internal abstract class Condition
{
    /// <summary>Whether the item (null when there is none) satisfies the condition.</summary>
    public abstract bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item);
}
