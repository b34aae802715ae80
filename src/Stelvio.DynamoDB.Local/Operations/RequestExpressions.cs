using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>
/// The expression members of a request: refuses mixing them with the legacy parameters, reads
/// ExpressionAttributeNames/Values (with AWS's messages when empty, unused without expressions, or invalid).
/// </summary>
internal static class RequestExpressions
{
    /// <summary>Throws AWS's error when the request uses both kinds of parameters.</summary>
    public static void CheckNotMixed(JsonElement request, string[] legacy, string[] expressions)
    {
        List<string>? usedLegacy = null;
        List<string>? usedExpressions = null;
        foreach (var member in legacy)
        {
            if (Present(request, member))
            {
                (usedLegacy ??= []).Add(member);
            }
        }
        foreach (var member in expressions)
        {
            if (Present(request, member))
            {
                (usedExpressions ??= []).Add(member);
            }
        }
        if (usedLegacy is not null && usedExpressions is not null)
        {
            throw DynamoDbException.Validation(
                $"Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {{{string.Join(", ", usedLegacy)}}} Expression parameters: {{{string.Join(", ", usedExpressions)}}}");
        }
    }

    private static bool Present(JsonElement request, string member) =>
        request.TryGetProperty(member, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>Reads the names and values for the request's expressions (<paramref name="expressions"/> are the members that can use them).</summary>
    public static ExpressionContext ReadContext(JsonElement request, string[] expressions)
    {
        var names = Wire.StringMap(request, "ExpressionAttributeNames");
        var valuesJson = Wire.Map(request, "ExpressionAttributeValues");
        var anyExpression = false;
        foreach (var member in expressions)
        {
            anyExpression |= Present(request, member);
        }
        if (!anyExpression)
        {
            if (names is not null)
            {
                throw DynamoDbException.Validation("ExpressionAttributeNames can only be specified when using expressions");
            }
            if (valuesJson is not null)
            {
                var nulls = expressions.Length switch
                {
                    1 => expressions[0] + " is null",
                    _ => string.Join(", ", expressions[..^1]) + " and " + expressions[^1] + " are null",
                };
                throw DynamoDbException.Validation("ExpressionAttributeValues can only be specified when using expressions: " + nulls);
            }
            return new ExpressionContext(null, null);
        }
        if (names is { Count: 0 })
        {
            throw DynamoDbException.Validation("ExpressionAttributeNames must not be empty");
        }
        Dictionary<string, AttributeValue>? values = null;
        if (valuesJson is { } json)
        {
            values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
            foreach (var property in json.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }
                try
                {
                    values[property.Name] = AttributeValueJson.Read(property.Value);
                }
                catch (DynamoDbException error) when (error.Type == "ValidationException")
                {
                    throw DynamoDbException.Validation($"ExpressionAttributeValues contains invalid value: {error.Message} for key {property.Name}");
                }
            }
            if (values.Count == 0)
            {
                throw DynamoDbException.Validation("ExpressionAttributeValues must not be empty");
            }
        }
        return new ExpressionContext(names, values);
    }
}
