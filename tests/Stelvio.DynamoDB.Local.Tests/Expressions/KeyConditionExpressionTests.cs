using Stelvio.DynamoDB.Local.Expressions;
using Stelvio.DynamoDB.Local.Model;
using static Stelvio.DynamoDB.Local.Tests.Expressions.V;

namespace Stelvio.DynamoDB.Local.Tests.Expressions;

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
