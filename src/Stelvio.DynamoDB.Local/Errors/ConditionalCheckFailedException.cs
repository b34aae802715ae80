using System.Text.Json;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;

namespace Stelvio.DynamoDB.Local.Errors;

/// <summary>A write's condition was false; carries the item when ReturnValuesOnConditionCheckFailure is ALL_OLD.</summary>
internal sealed class ConditionalCheckFailedException(IReadOnlyDictionary<string, AttributeValue>? item)
    : DynamoDbException("ConditionalCheckFailedException", "The conditional request failed"), IErrorDetails
{
    public IReadOnlyDictionary<string, AttributeValue>? Item { get; } = item;

    public void WriteDetails(Utf8JsonWriter writer)
    {
        if (Item is not null)
        {
            AttributeValueJson.WriteItem(writer, "Item", Item);
        }
    }
}
