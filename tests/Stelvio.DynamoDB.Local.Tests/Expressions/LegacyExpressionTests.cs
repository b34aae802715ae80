using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;
using static Stelvio.DynamoDB.Local.Tests.Expressions.V;

namespace Stelvio.DynamoDB.Local.Tests.Expressions;

public class LegacyExpressionTests
{
    private static readonly Dictionary<string, AttributeValue> Sample = Item(
        ("a", N("1")), ("s", S("hello")), ("set", NS("2", "4", "7")), ("l", L(N("2"), N("4"))), ("bin", B(1, 2, 3)));

    private static bool Filter(string name, string op, params AttributeValue[] values) =>
        LegacyExpressions.FromFilter(new Dictionary<string, LegacyCondition> { [name] = new(op, values) }, null, "ScanFilter").Evaluate(Sample);

    [Fact]
    public void Comparison_operators_match_their_expression_twins()
    {
        Assert.True(Filter("a", "EQ", N("1")));
        Assert.False(Filter("a", "EQ", S("1")));
        Assert.True(Filter("a", "NE", S("1")));
        Assert.True(Filter("q", "NE", N("1")));
        Assert.True(Filter("a", "LE", N("1")) && Filter("a", "LT", N("2")) && Filter("a", "GE", N("1")) && Filter("a", "GT", N("0")));
        Assert.False(Filter("a", "LT", S("2")));
        Assert.True(Filter("q", "NULL") && Filter("a", "NOT_NULL"));
        Assert.False(Filter("a", "NULL") || Filter("q", "NOT_NULL"));
        Assert.True(Filter("s", "CONTAINS", S("ell")) && Filter("set", "CONTAINS", N("4")) && Filter("l", "CONTAINS", N("4")));
        Assert.True(Filter("s", "NOT_CONTAINS", S("dog")) && Filter("set", "NOT_CONTAINS", N("1")));
        Assert.False(Filter("q", "NOT_CONTAINS", N("1")));
        Assert.False(Filter("q", "CONTAINS", N("1")));
        Assert.True(Filter("s", "BEGINS_WITH", S("hell")) && Filter("bin", "BEGINS_WITH", B(1, 2)));
        Assert.True(Filter("a", "IN", N("3"), N("1")));
        Assert.False(Filter("set", "IN", N("2")));
        Assert.True(Filter("a", "BETWEEN", N("1"), N("3")));
        Assert.False(Filter("q", "BETWEEN", N("0"), N("100")));
    }

    [Theory]
    [InlineData("EQ", 2, "One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator")]
    [InlineData("NULL", 1, "One or more parameter values were invalid: Invalid number of argument(s) for the NULL ComparisonOperator")]
    [InlineData("IN", 0, "One or more parameter values were invalid: Invalid number of argument(s) for the IN ComparisonOperator")]
    [InlineData("BETWEEN", 3, "One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator")]
    public void Argument_counts_are_checked(string op, int count, string message) =>
        Refused(message, () => Filter("a", op, [.. Enumerable.Repeat(N("1"), count)]));

    [Fact]
    public void Argument_types_are_checked()
    {
        Refused("One or more parameter values were invalid: ComparisonOperator LE is not valid for SS AttributeValue type", () => Filter("a", "LE", SS("a")));
        Refused("One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type", () => Filter("a", "BEGINS_WITH", N("3")));
        Refused("One or more parameter values were invalid: ComparisonOperator CONTAINS is not valid for L AttributeValue type", () => Filter("a", "CONTAINS", L(N("1"))));
        Refused("One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type", () => Filter("a", "IN", N("3"), S("dog")));
        Refused("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound", () => Filter("a", "BETWEEN", N("3"), N("1")));
        Assert.True(Filter("l", "EQ", L(N("2"), N("4"))));
    }

    [Fact]
    public void Expected_uses_Value_Exists_and_ConditionalOperator()
    {
        Condition Expected(string? conditionalOperator, params (string Name, ExpectedAttribute Entry)[] entries) =>
            LegacyExpressions.FromExpected(entries.ToDictionary(e => e.Name, e => e.Entry), conditionalOperator);
        Assert.True(Expected(null, ("a", new(N("1"), null, null, null))).Evaluate(Sample));
        Assert.True(Expected(null, ("a", new(N("1"), true, null, null))).Evaluate(Sample));
        Assert.True(Expected(null, ("q", new(null, false, null, null))).Evaluate(Sample));
        Assert.False(Expected(null, ("a", new(null, false, null, null))).Evaluate(Sample));
        Assert.True(Expected(null, ("a", new(N("2"), null, "LT", null))).Evaluate(Sample));
        Assert.False(Expected("AND", ("a", new(N("1"), null, null, null)), ("s", new(S("x"), null, null, null))).Evaluate(Sample));
        Assert.True(Expected("OR", ("a", new(N("1"), null, null, null)), ("s", new(S("x"), null, null, null))).Evaluate(Sample));
        Assert.True(Expected(null, ("a", new(N("1"), null, null, null))).Evaluate(null) == false);
    }

    [Theory]
    [InlineData(true, true, "EQ", true, "One or more parameter values were invalid: Value and AttributeValueList cannot be used together for Attribute: a")]
    [InlineData(false, true, "EQ", false, "One or more parameter values were invalid: Exists and ComparisonOperator cannot be used together for Attribute: a")]
    [InlineData(false, null, "EQ", false, "One or more parameter values were invalid: Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a")]
    [InlineData(false, null, null, true, "One or more parameter values were invalid: AttributeValueList can only be used with a ComparisonOperator for Attribute: a")]
    [InlineData(false, null, null, false, "One or more parameter values were invalid: Value must be provided when Exists is null for Attribute: a")]
    [InlineData(false, true, null, false, "One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: a")]
    [InlineData(true, false, null, false, "One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: a")]
    public void Expected_entries_are_checked(bool value, bool? exists, string? op, bool list, string message) =>
        Refused(message, () => LegacyExpressions.FromExpected(
            new Dictionary<string, ExpectedAttribute> { ["a"] = new(value ? N("1") : null, exists, op, list ? [N("1")] : null) }, null));

    [Fact]
    public void Key_conditions_convert_and_check()
    {
        var conditions = LegacyExpressions.FromKeyConditions(new Dictionary<string, LegacyCondition>
        {
            ["pk"] = new("EQ", [S("k")]),
            ["sk"] = new("BETWEEN", [N("1"), N("3")]),
        });
        conditions.Validate("pk", AttributeType.S, "sk", AttributeType.N);
        Assert.Equal(SortKeyOperator.Between, conditions.SortOperator);
        Assert.True(conditions.Matches(N("2")));
        Refused("Conditions can be of length 1 or 2 only", () => LegacyExpressions.FromKeyConditions(new Dictionary<string, LegacyCondition>()));
        Refused("Attempted conditional constraint is not an indexable operation", () => LegacyExpressions.FromKeyConditions(
            new Dictionary<string, LegacyCondition> { ["pk"] = new("NULL", null) }).Validate("pk", AttributeType.S, null, null));
        Refused("Query key condition not supported", () => LegacyExpressions.FromKeyConditions(
            new Dictionary<string, LegacyCondition> { ["pk"] = new("LE", [S("a")]) }).Validate("pk", AttributeType.S, null, null));
        Refused("One or more parameter values were invalid: Invalid number of argument(s) for the LE ComparisonOperator", () => LegacyExpressions.FromKeyConditions(
            new Dictionary<string, LegacyCondition> { ["pk"] = new("LE", [S("a"), S("b")]) }));
    }

    [Fact]
    public void Attributes_to_get_is_a_top_level_projection()
    {
        Same(Item(("a", N("1")), ("s", S("hello"))), LegacyExpressions.FromAttributesToGet(["a", "s", "zz"]).Apply(Sample));
        Refused("One or more parameter values were invalid: Duplicate value in attribute name: a", () => LegacyExpressions.FromAttributesToGet(["a", "b", "a"]));
    }

    [Fact]
    public void Attribute_updates_put_add_and_delete()
    {
        UpdateAction Updates(params (string Name, AttributeUpdate Update)[] entries) =>
            LegacyExpressions.FromAttributeUpdates(entries.ToDictionary(e => e.Name, e => e.Update));
        var item = Item(("n", N("1")), ("ss", SS("a", "b")), ("l", L(S("a"), N("1"))), ("gone", S("x")));
        var updated = Updates(("n", new(N("3"), "ADD")), ("ss", new(SS("b", "c"), "ADD")), ("l", new(L(S("b")), "ADD")), ("gone", new(null, "DELETE")),
            ("new", new(S("v"), null))).Apply(item);
        Same(Item(("n", N("4")), ("ss", SS("a", "b", "c")), ("l", L(S("a"), N("1"), S("b"))), ("new", S("v"))), updated);
        Same(Item(("ss", SS("a"))), Updates(("ss", new(SS("b"), "DELETE"))).Apply(Item(("ss", SS("a", "b")))));
        Refused("One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified", () => Updates(("a", new(null, "PUT"))));
        Refused("One or more parameter values were invalid: ADD action is not supported for the type S", () => Updates(("a", new(S("1"), "ADD"))));
        Refused("One or more parameter values were invalid: DELETE action with value is not supported for the type N", () => Updates(("a", new(N("1"), "DELETE"))));
        Refused("Type mismatch for attribute to update", () => Updates(("ss", new(NS("1"), "ADD"))).Apply(item));
        Refused("Type mismatch for attribute to update", () => Updates(("n", new(NS("1"), "DELETE"))).Apply(item));
    }
}
