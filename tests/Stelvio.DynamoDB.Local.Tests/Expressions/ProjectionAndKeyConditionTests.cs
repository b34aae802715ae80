using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;
using static Stelvio.DynamoDB.Local.Tests.Expressions.V;

namespace Stelvio.DynamoDB.Local.Tests.Expressions;

public class ProjectionExpressionTests
{
    private static readonly Dictionary<string, AttributeValue> Sample = Item(
        ("a", S("x")), ("b", N("1")), ("m", M(("x", N("1")), ("y", L(N("0"), M(("z", S("deep")), ("w", N("2"))), N("9"))))), ("a.b", S("dotted")));

    private static IReadOnlyDictionary<string, AttributeValue> Project(string expression, Dictionary<string, string>? names = null) =>
        ExpressionParser.ParseProjection(expression, Context(names: names)).Apply(Sample);

    [Fact]
    public void Top_level_names_keep_only_present_attributes()
    {
        Same(Item(("a", S("x")), ("b", N("1"))), Project("a, b, c"));
        Same(Item(("a.b", S("dotted"))), Project("#ab", Names(("#ab", "a.b"))));
        Assert.Equal(["a", "b", "c"], ExpressionParser.ParseProjection("a,b , c", ExpressionContext.Empty).TopLevelNames);
    }

    [Fact]
    public void Nested_paths_keep_their_parents_and_lists_close_up()
    {
        Same(Item(("m", M(("y", L(M(("z", S("deep"))), N("9")))))), Project("m.y[2], m.y[1].z, m.y[7]"));
        Same(Item(("m", M(("x", N("1"))))), Project("m.x, m.nope, a.b"));
        Assert.Empty(Project("m.y[5], a[0]"));
    }

    [Fact]
    public void Overlaps_conflicts_reserved_words_and_names_are_refused()
    {
        Refused("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]",
            () => ExpressionParser.ParseProjection("a, a.b", ExpressionContext.Empty));
        Refused("Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]",
            () => ExpressionParser.ParseProjection("a.b, a[0]", ExpressionContext.Empty));
        Refused("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name",
            () => ExpressionParser.ParseProjection("#a, name", Context(names: Names(("#b", "b")))));
        Refused("Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #a",
            () => ExpressionParser.ParseProjection("#a, c", Context(names: Names(("#b", "b")))));
        Refused("Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"",
            () => ExpressionParser.ParseProjection("a,", ExpressionContext.Empty));
        Refused("Invalid ProjectionExpression: Syntax error; token: \":v\", near: \", :v\"",
            () => ExpressionParser.ParseProjection("a, :v", Context(Values((":v", N("1"))))));
    }
}

public class KeyConditionExpressionTests
{
    private static KeyCondition Parse(string expression, Dictionary<string, AttributeValue>? values = null, Dictionary<string, string>? names = null)
    {
        var context = Context(values ?? Values((":p", S("k")), (":a", N("1")), (":b", N("5"))), names);
        return ExpressionParser.ParseKeyCondition(expression, context);
    }

    private static KeyCondition Valid(string expression, Dictionary<string, AttributeValue>? values = null)
    {
        var condition = Parse(expression, values);
        condition.Validate("pk", AttributeType.S, "sk", AttributeType.N);
        return condition;
    }

    [Fact]
    public void Partition_equality_and_each_sort_operator()
    {
        var only = Valid("pk = :p", Values((":p", S("k"))));
        Assert.Equal("pk", only.PartitionKeyName);
        Assert.Equal(S("k"), only.PartitionValue);
        Assert.Null(only.SortOperator);
        Assert.True(only.Matches(N("123")));

        var between = Valid("pk = :p AND sk BETWEEN :a AND :b");
        Assert.Equal(SortKeyOperator.Between, between.SortOperator);
        Assert.True(between.Matches(N("1")) && between.Matches(N("5")) && between.Matches(N("3.5")));
        Assert.False(between.Matches(N("5.01")) || between.Matches(N("0.99")));

        var flipped = Valid(":a < sk AND :p = pk");
        Assert.Equal(SortKeyOperator.Greater, flipped.SortOperator);
        Assert.True(flipped.Matches(N("2")));
        Assert.False(flipped.Matches(N("1")));
        Assert.Equal(SortKeyOperator.LessOrEqual, Valid("(pk = :p) AND (sk <= :a)").SortOperator);
        Assert.Equal(SortKeyOperator.GreaterOrEqual, Valid("pk = :p and sk >= :a").SortOperator);
    }

    [Fact]
    public void Begins_with_on_a_string_sort_key()
    {
        var condition = Parse("#p = :p AND begins_with(#s, :pre)", Values((":p", S("k")), (":pre", S("ORDER#"))), Names(("#p", "pk"), ("#s", "sk")));
        condition.Validate("pk", AttributeType.S, "sk", AttributeType.S);
        Assert.True(condition.Matches(S("ORDER#2024")));
        Assert.False(condition.Matches(S("ORDEr#2024")));
    }

    [Theory]
    [InlineData("pk = :p OR sk = :a", "Invalid operator used in KeyConditionExpression: OR")]
    [InlineData("pk = :p AND NOT sk = :a", "Invalid operator used in KeyConditionExpression: NOT")]
    [InlineData("pk IN (:p)", "Invalid operator used in KeyConditionExpression: IN")]
    [InlineData("pk <> :p", "Invalid operator used in KeyConditionExpression: <>")]
    [InlineData("pk = :p AND attribute_exists(sk)", "Invalid operator used in KeyConditionExpression: attribute_exists")]
    [InlineData("pk = :p AND contains(sk, :a)", "Invalid operator used in KeyConditionExpression: contains")]
    [InlineData("pk = :p AND size(sk) = :a", "KeyConditionExpressions cannot contain nested operations")]
    [InlineData("pk = :p AND sk = pk", "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition")]
    [InlineData("pk.x = :p", "KeyConditionExpressions cannot have conditions on nested attributes")]
    [InlineData("pk = :p AND :a = :b", "Invalid condition in KeyConditionExpression: No key attribute specified")]
    [InlineData("pk = :p AND pk = :p", "KeyConditionExpressions must only contain one condition per key")]
    [InlineData("pk = :p AND :a BETWEEN sk AND :b", "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand")]
    public void Shapes_a_key_condition_cannot_have(string expression, string message) =>
        Refused(message, () => Parse(expression));

    [Fact]
    public void Begins_with_needs_the_key_first()
    {
        Refused("Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand",
            () => Parse("pk = :p AND begins_with(:s, sk)", Values((":p", S("k")), (":s", S("x")))));
    }

    [Theory]
    [InlineData("sk = :a", "Query condition missed key schema element: pk")]
    [InlineData("pk = :p AND col = :a", "Query condition missed key schema element: sk")]
    [InlineData("pk < :p", "Query key condition not supported")]
    [InlineData("pk = :a", "One or more parameter values were invalid: Condition parameter type does not match schema type")]
    [InlineData("pk = :p AND sk BETWEEN :a AND :s", "Invalid KeyConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:k}")]
    [InlineData("pk = :p AND sk = :s", "One or more parameter values were invalid: Condition parameter type does not match schema type")]
    public void Checks_against_the_key_schema(string expression, string message) =>
        Refused(message, () => Parse(expression.Replace(":s", ":p", StringComparison.Ordinal), Values((":p", S("k")), (":a", N("1"))))
            .Validate("pk", AttributeType.S, "sk", AttributeType.N));

    [Fact]
    public void A_table_without_sort_key_takes_one_condition() =>
        Refused("Query key condition not supported",
            () => Parse("pk = :p AND sk = :a", Values((":p", S("k")), (":a", N("1")))).Validate("pk", AttributeType.S, null, null));
}
