using Stelvio.LocalCloud.Iam.Policies;

namespace Stelvio.LocalCloud.Tests.Iam;

public sealed class ConditionEvaluatorTests
{
    private static readonly RequestContext Context = new RequestContext()
        .With("aws:RequestedRegion", "us-east-1")
        .With("aws:EpochTime", "1700000000")
        .With("aws:CurrentTime", "2023-11-14T22:13:20Z")
        .With("aws:PrincipalArn", "arn:aws:iam::000000000000:role/app-writer-role");

    private static ConditionOutcome Evaluate(string op, string key, params string[] values) =>
        ConditionEvaluator.Evaluate(new ConditionClause(op, key, values), Context);

    [Theory]
    [InlineData("StringEquals", "us-east-1", true)]
    [InlineData("StringEquals", "US-EAST-1", false)]
    [InlineData("StringEqualsIgnoreCase", "US-EAST-1", true)]
    [InlineData("StringNotEquals", "us-east-1", false)]
    [InlineData("StringNotEquals", "eu-west-1", true)]
    [InlineData("StringLike", "us-*", true)]
    [InlineData("StringNotLike", "us-*", false)]
    public void String_operators(string op, string value, bool holds) =>
        Assert.Equal(holds ? ConditionOutcome.True : ConditionOutcome.False, Evaluate(op, "aws:RequestedRegion", value));

    [Fact]
    public void Numeric_date_and_arn_operators()
    {
        Assert.Equal(ConditionOutcome.True, Evaluate("NumericGreaterThan", "aws:EpochTime", "1600000000"));
        Assert.Equal(ConditionOutcome.False, Evaluate("NumericLessThan", "aws:EpochTime", "1600000000"));
        Assert.Equal(ConditionOutcome.True, Evaluate("DateLessThan", "aws:CurrentTime", "2024-01-01T00:00:00Z"));
        Assert.Equal(ConditionOutcome.False, Evaluate("DateGreaterThan", "aws:CurrentTime", "2024-01-01T00:00:00Z"));
        Assert.Equal(ConditionOutcome.True, Evaluate("ArnLike", "aws:PrincipalArn", "arn:aws:iam::*:role/app-*"));
    }

    [Fact]
    public void A_key_the_request_lacks()
    {
        Assert.Equal(ConditionOutcome.False, Evaluate("StringEquals", "dynamodb:EnclosingOperation", "TransactWriteItems"));
        Assert.Equal(ConditionOutcome.True, Evaluate("StringNotEquals", "dynamodb:EnclosingOperation", "TransactWriteItems"));
        Assert.Equal(ConditionOutcome.True, Evaluate("StringEqualsIfExists", "dynamodb:EnclosingOperation", "TransactWriteItems"));
        Assert.Equal(ConditionOutcome.True, Evaluate("Null", "dynamodb:EnclosingOperation", "true"));
        Assert.Equal(ConditionOutcome.False, Evaluate("Null", "aws:RequestedRegion", "true"));
        Assert.Equal(ConditionOutcome.True, Evaluate("ForAllValues:StringEquals", "dynamodb:EnclosingOperation", "TransactWriteItems"));
        Assert.Equal(ConditionOutcome.False, Evaluate("ForAnyValue:StringEquals", "dynamodb:EnclosingOperation", "TransactWriteItems"));
    }

    [Fact]
    public void Set_operators_over_several_values()
    {
        var context = new RequestContext().With("aws:RequestedRegion", "us-east-1", "eu-west-1");
        Assert.Equal(ConditionOutcome.True, ConditionEvaluator.Evaluate(new("ForAllValues:StringEquals", "aws:RequestedRegion", ["us-east-1", "eu-west-1", "ap-south-1"]), context));
        Assert.Equal(ConditionOutcome.False, ConditionEvaluator.Evaluate(new("ForAllValues:StringEquals", "aws:RequestedRegion", ["us-east-1"]), context));
        Assert.Equal(ConditionOutcome.True, ConditionEvaluator.Evaluate(new("ForAnyValue:StringEquals", "aws:RequestedRegion", ["eu-west-1"]), context));
    }

    [Fact]
    public void Leading_keys_with_ForAllValues()
    {
        var clause = new ConditionClause("ForAllValues:StringEquals", "dynamodb:LeadingKeys", ["tenant-a"]);
        Assert.Equal(ConditionOutcome.True, ConditionEvaluator.Evaluate(clause, Context.With("dynamodb:LeadingKeys", "tenant-a")));
        Assert.Equal(ConditionOutcome.False, ConditionEvaluator.Evaluate(clause, Context.With("dynamodb:LeadingKeys", "tenant-a", "tenant-b")));
        Assert.Equal(ConditionOutcome.Unknown, ConditionEvaluator.Evaluate(clause, Context.WithUnknown("dynamodb:LeadingKeys")));
    }

    [Fact]
    public void Unknown_keys_and_operators_are_not_evaluated()
    {
        Assert.Equal(ConditionOutcome.Unknown, Evaluate("StringEquals", "aws:SourceVpce", "vpce-1"));
        Assert.Equal(ConditionOutcome.Unknown, Evaluate("IpAddress", "aws:RequestedRegion", "10.0.0.0/8"));
        Assert.Equal(ConditionOutcome.Unknown, Evaluate("ForSomeValues:StringEquals", "aws:RequestedRegion", "us-east-1"));
    }
}
