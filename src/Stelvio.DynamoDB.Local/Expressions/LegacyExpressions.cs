using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>One entry of the legacy <c>Expected</c> map.</summary>
internal sealed record ExpectedAttribute(
    AttributeValue? Value,
    bool? Exists,
    string? ComparisonOperator,
    IReadOnlyList<AttributeValue>? AttributeValueList);

/// <summary>One entry of the legacy <c>KeyConditions</c>, <c>QueryFilter</c> or <c>ScanFilter</c> maps.</summary>
internal sealed record LegacyCondition(string ComparisonOperator, IReadOnlyList<AttributeValue>? AttributeValueList);

/// <summary>One entry of the legacy <c>AttributeUpdates</c> map (Action PUT, ADD or DELETE; null is PUT).</summary>
internal sealed record AttributeUpdate(AttributeValue? Value, string? Action);

/// <summary>
/// Converts the request shapes older SDKs send into the same trees expressions parse to, with AWS's
/// validation messages for each ComparisonOperator's arguments.
/// </summary>
internal static class LegacyExpressions
{
    /// <summary><c>Expected</c> with <c>ConditionalOperator</c> (AND when null).</summary>
    public static Condition FromExpected(IReadOnlyDictionary<string, ExpectedAttribute> expected, string? conditionalOperator) =>
        throw new NotImplementedException();

    /// <summary><c>QueryFilter</c> or <c>ScanFilter</c> (named by <paramref name="parameterName"/>) with <c>ConditionalOperator</c>.</summary>
    public static Condition FromFilter(IReadOnlyDictionary<string, LegacyCondition> filter, string? conditionalOperator, string parameterName) =>
        throw new NotImplementedException();

    /// <summary><c>KeyConditions</c>.</summary>
    public static KeyCondition FromKeyConditions(IReadOnlyDictionary<string, LegacyCondition> keyConditions) =>
        throw new NotImplementedException();

    /// <summary><c>AttributesToGet</c>.</summary>
    public static Projection FromAttributesToGet(IReadOnlyList<string> attributesToGet) =>
        throw new NotImplementedException();

    /// <summary><c>AttributeUpdates</c> of UpdateItem.</summary>
    public static UpdateAction FromAttributeUpdates(IReadOnlyDictionary<string, AttributeUpdate> updates) =>
        throw new NotImplementedException();
}
