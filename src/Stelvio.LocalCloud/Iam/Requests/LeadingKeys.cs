using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Operations;

namespace Stelvio.LocalCloud.Iam.Requests;

/// <summary>
/// The partition key values of a request, as the condition key <c>dynamodb:LeadingKeys</c> carries them: from an item's
/// <c>Key</c> or <c>Item</c>, or from a Query's <c>KeyConditionExpression</c> (parsed with the engine's parser). Values
/// are the attribute's text (a string, a number as written, a binary's base64).
/// </summary>
internal static class LeadingKeys
{
    private static readonly string[] QueryExpressions = ["KeyConditionExpression", "FilterExpression", "ProjectionExpression"];

    /// <summary>The partition key value of a <c>Key</c> or <c>Item</c> object, or null when it has none.</summary>
    public static string? FromItem(JsonElement item, string partitionKey)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(partitionKey, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var typed in value.EnumerateObject())
        {
            return typed.Name is "S" or "N" or "B" && typed.Value.ValueKind == JsonValueKind.String ? typed.Value.GetString() : null;
        }
        return null;
    }

    /// <summary>The partition key value a Query's <c>KeyConditionExpression</c> sets equal, or null when it cannot be read.</summary>
    public static string? FromQuery(JsonElement request, string partitionKey)
    {
        if (!request.TryGetProperty("KeyConditionExpression", out var text) || text.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        try
        {
            var condition = ExpressionParser.ParseKeyCondition(text.GetString()!, RequestExpressions.ReadContext(request, QueryExpressions));
            var part = condition.Parts.FirstOrDefault(p => p.Name == partitionKey && p.Operator == SortKeyOperator.Equal);
            return part?.Value.Type switch
            {
                AttributeType.S => part.Value.S,
                AttributeType.N => part.Value.N.ToString(),
                AttributeType.B => Convert.ToBase64String(part.Value.B),
                _ => null,
            };
        }
        catch (DynamoDbException)
        {
            return null; // the engine answers with the same validation error
        }
    }
}
