using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.DynamoDB.Local.Validation;

namespace Stelvio.DynamoDB.Local.Operations;

/// <summary>
/// The condition of a write (ConditionExpression or the legacy Expected with ConditionalOperator), evaluated against
/// the current item while the table is locked.
/// </summary>
internal sealed class WriteCondition(Condition condition)
{
    private static readonly string[] Legacy = ["Expected", "ConditionalOperator"];
    private static readonly string[] Expression = ["ConditionExpression"];

    public Condition Condition { get; } = condition;

    /// <summary>Reads the request's condition (null when it has none) into <paramref name="context"/>'s names and values.</summary>
    public static WriteCondition? Read(JsonElement request, ExpressionContext context, Dictionary<string, ExpectedAttribute>? expected, string? conditionalOperator)
    {
        var expression = Wire.String(request, "ConditionExpression");
        if (expression is not null)
        {
            return new WriteCondition(ExpressionParser.ParseCondition(expression, context, "ConditionExpression"));
        }
        return expected is null ? null : new WriteCondition(LegacyExpressions.FromExpected(expected, conditionalOperator));
    }

    /// <summary>
    /// Reads the condition members of a single-item write (PutItem, DeleteItem, UpdateItem's condition part is read
    /// with its update): refuses mixing, reads names and values, parses, and checks that every name and value was used.
    /// </summary>
    public static (WriteCondition? Condition, ExpressionContext Context) ReadAll(JsonElement request, Constraints constraints, string[]? moreExpressions = null, string[]? moreLegacy = null)
    {
        var expected = LegacyJson.Expected(request, constraints);
        var conditionalOperator = Wire.String(request, "ConditionalOperator");
        constraints.Enum(conditionalOperator, "conditionalOperator", "AND", "OR");
        constraints.ThrowIfAny();
        string[] expressions = moreExpressions is null ? Expression : [.. moreExpressions, .. Expression];
        RequestExpressions.CheckNotMixed(request, moreLegacy is null ? Legacy : [.. moreLegacy, .. Legacy], expressions);
        var context = RequestExpressions.ReadContext(request, expressions);
        return (Read(request, context, expected, conditionalOperator), context);
    }

    /// <summary>Throws ConditionalCheckFailedException (with the item when asked) when the condition is false.</summary>
    public void Check(IReadOnlyDictionary<string, AttributeValue>? current, bool returnItem)
    {
        if (!Condition.Evaluate(current))
        {
            throw new ConditionalCheckFailedException(returnItem ? current : null);
        }
    }
}
