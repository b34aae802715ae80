using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>A parsed UpdateExpression (or legacy AttributeUpdates): applies to an item, giving a new item.</summary>
internal sealed class UpdateAction
{
    /// <summary>Every document path the update writes or removes (for key-attribute checks and UPDATED_* return values).</summary>
    public IReadOnlyList<DocumentPath> Paths { get; } = [];

    /// <summary>The updated item; <paramref name="item"/> (null when there is none) is not modified.</summary>
    public IReadOnlyDictionary<string, AttributeValue> Apply(IReadOnlyDictionary<string, AttributeValue>? item) =>
        throw new NotImplementedException();
}
