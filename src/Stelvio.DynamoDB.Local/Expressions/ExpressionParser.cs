namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>
/// Parses DynamoDB's expression language once per request into trees that evaluate without re-parsing.
/// Errors are ValidationExceptions with AWS's wording.
/// </summary>
internal static class ExpressionParser
{
    /// <summary>A ConditionExpression or FilterExpression; <paramref name="parameterName"/> names it in errors.</summary>
    public static Condition ParseCondition(string text, ExpressionContext context, string parameterName) =>
        throw new NotImplementedException();

    /// <summary>An UpdateExpression (SET, REMOVE, ADD, DELETE clauses).</summary>
    public static UpdateAction ParseUpdate(string text, ExpressionContext context) =>
        throw new NotImplementedException();

    /// <summary>A ProjectionExpression.</summary>
    public static Projection ParseProjection(string text, ExpressionContext context) =>
        throw new NotImplementedException();

    /// <summary>A KeyConditionExpression.</summary>
    public static KeyCondition ParseKeyCondition(string text, ExpressionContext context) =>
        throw new NotImplementedException();
}
