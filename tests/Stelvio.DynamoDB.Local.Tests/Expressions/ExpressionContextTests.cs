using Stelvio.DynamoDB.Local.Expressions;
using static Stelvio.DynamoDB.Local.Tests.Expressions.V;

namespace Stelvio.DynamoDB.Local.Tests.Expressions;

public class ExpressionContextTests
{
    [Fact]
    public void Names_and_values_must_not_be_empty()
    {
        Refused("ExpressionAttributeNames must not be empty", () => _ = Context(names: Names()));
        Refused("ExpressionAttributeValues must not be empty", () => _ = Context(Values()));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("#")]
    [InlineData("#a-b")]
    [InlineData(":a")]
    public void Name_keys_are_hash_references(string key) =>
        Refused($"ExpressionAttributeNames contains invalid key: Syntax error; key: \"{key}\"", () => _ = Context(names: Names((key, "x"))));

    [Theory]
    [InlineData("b")]
    [InlineData(":")]
    [InlineData(":a!")]
    [InlineData("#a")]
    public void Value_keys_are_colon_references(string key) =>
        Refused($"ExpressionAttributeValues contains invalid key: Syntax error; key: \"{key}\"", () => _ = Context(Values((key, N("1")))));

    [Fact]
    public void Values_are_checked_and_named_in_the_message()
    {
        Refused("ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set  may not be empty for key :b",
            () => _ = Context(Values((":a", N("1")), (":b", SS()))));
        Refused("ExpressionAttributeValues contains invalid value: Input collection contains duplicates for key :n",
            () => _ = Context(Values((":n", NS("1", "1.0")))));
    }

    [Fact]
    public void References_resolve_and_count_as_used()
    {
        var context = Context(Values((":_", N("1")), (":123", N("2"))), Names(("#123a", "3can include any character!.#="), ("#_", "x")));
        Assert.True(context.TryResolveName("#123a", out var name));
        Assert.Equal("3can include any character!.#=", name);
        Assert.False(context.TryResolveName("#nope", out _));
        Assert.True(context.TryResolveValue(":_", out var value));
        Assert.Equal(N("1"), value);
        Refused("Value provided in ExpressionAttributeNames unused in expressions: keys: {#_}", context.ThrowIfUnused);
        context.TryResolveName("#_", out _);
        Refused("Value provided in ExpressionAttributeValues unused in expressions: keys: {:123}", context.ThrowIfUnused);
        context.TryResolveValue(":123", out _);
        context.ThrowIfUnused();
    }
}
