using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Tests.Expressions;

/// <summary>Short builders for values, items and expression contexts in expression tests.</summary>
internal static class V
{
    public static AttributeValue S(string s) => AttributeValue.FromString(s);

    public static AttributeValue N(string n) => AttributeValue.FromNumber(DynamoNumber.Parse(n));

    public static AttributeValue B(params byte[] b) => AttributeValue.FromBinary(b);

    public static AttributeValue Bool(bool b) => AttributeValue.FromBool(b);

    public static AttributeValue Null => AttributeValue.Null;

    public static AttributeValue SS(params string[] members) => AttributeValue.FromStringSet(members);

    public static AttributeValue NS(params string[] members) => AttributeValue.FromNumberSet([.. members.Select(DynamoNumber.Parse)]);

    public static AttributeValue BS(params byte[][] members) => AttributeValue.FromBinarySet(members);

    public static AttributeValue L(params AttributeValue[] elements) => AttributeValue.FromList(elements);

    public static AttributeValue M(params (string Name, AttributeValue Value)[] entries) =>
        AttributeValue.FromMap(entries.ToDictionary(e => e.Name, e => e.Value));

    public static Dictionary<string, AttributeValue> Item(params (string Name, AttributeValue Value)[] entries) =>
        entries.ToDictionary(e => e.Name, e => e.Value);

    public static ExpressionContext Context(
        Dictionary<string, AttributeValue>? values = null, Dictionary<string, string>? names = null) => new(names, values);

    public static Dictionary<string, AttributeValue> Values(params (string Name, AttributeValue Value)[] entries) =>
        entries.ToDictionary(e => e.Name, e => e.Value);

    public static Dictionary<string, string> Names(params (string Reference, string Name)[] entries) =>
        entries.ToDictionary(e => e.Reference, e => e.Name);

    /// <summary>Asserts a ValidationException with exactly AWS's message.</summary>
    public static void Refused(string message, Action action)
    {
        var error = Assert.Throws<DynamoDbException>(action);
        Assert.Equal("ValidationException", error.Type);
        Assert.Equal(message, error.Message);
    }

    /// <summary>Two items as comparable text (AttributeValue equality, key order ignored).</summary>
    public static void Same(IReadOnlyDictionary<string, AttributeValue> expected, IReadOnlyDictionary<string, AttributeValue> actual) =>
        Assert.True(AttributeValue.FromMap(expected).Equals(AttributeValue.FromMap(actual)),
            $"expected {Show(expected)} but was {Show(actual)}");

    public static string Show(IReadOnlyDictionary<string, AttributeValue> item) =>
        "{" + string.Join(", ", item.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ": " + Show(e.Value))) + "}";

    public static string Show(AttributeValue value) => value.Type switch
    {
        AttributeType.L => "[" + string.Join(", ", value.L.Select(Show)) + "]",
        AttributeType.M => Show(value.M),
        AttributeType.SS => "SS(" + string.Join(", ", value.SS) + ")",
        AttributeType.NS => "NS(" + string.Join(", ", value.NS) + ")",
        _ => value.ToString(),
    };
}
