using Stelvio.DynamoDB.Local.Expressions.Parsing;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>
/// Parses DynamoDB's expression language once per request into trees that evaluate without re-parsing.
/// Errors are ValidationExceptions with AWS's wording. Parse a request's expressions in AWS's order —
/// UpdateExpression, ConditionExpression, KeyConditionExpression, FilterExpression, ProjectionExpression —
/// then call <see cref="ExpressionContext.ThrowIfUnused"/>.
/// </summary>
internal static class ExpressionParser
{
    /// <summary>The longest expression DynamoDB takes, in UTF-8 bytes.</summary>
    public const int MaxExpressionBytes = 4096;

    /// <summary>A ConditionExpression or FilterExpression; <paramref name="parameterName"/> names it in errors.</summary>
    public static Condition ParseCondition(string text, ExpressionContext context, string parameterName) =>
        ConditionParser.Parse(text, context, parameterName);

    /// <summary>An UpdateExpression (SET, REMOVE, ADD, DELETE clauses).</summary>
    public static UpdateAction ParseUpdate(string text, ExpressionContext context) =>
        UpdateParser.Parse(text, context);

    /// <summary>A ProjectionExpression.</summary>
    public static Projection ParseProjection(string text, ExpressionContext context) =>
        ProjectionParser.Parse(text, context);

    /// <summary>A KeyConditionExpression; <see cref="KeyCondition.Validate"/> then checks it against the key schema.</summary>
    public static KeyCondition ParseKeyCondition(string text, ExpressionContext context) =>
        KeyCondition.FromCondition(ConditionParser.Parse(text, context, "KeyConditionExpression"));
}
