using Stelvio.LocalCloud.Iam.Policies;

namespace Stelvio.LocalCloud.Tests.Iam;

public sealed class WildcardPatternTests
{
    [Theory]
    [InlineData("dynamodb:*", "dynamodb:PutItem", true)]
    [InlineData("dynamodb:get*", "dynamodb:GetItem", true)]
    [InlineData("DynamoDB:GETITEM", "dynamodb:GetItem", true)]
    [InlineData("dynamodb:Get?tem", "dynamodb:GetItem", true)]
    [InlineData("dynamodb:Get?tem", "dynamodb:GetIitem", false)]
    [InlineData("dynamodb:Get*", "dynamodb:BatchGetItem", false)]
    [InlineData("*", "lambda:InvokeFunction", true)]
    [InlineData("dynamodb:*Item", "dynamodb:PutItems", false)]
    public void Actions_match_case_insensitively(string pattern, string action, bool matches) =>
        Assert.Equal(matches, WildcardPattern.Matches(pattern, action, ignoreCase: true));

    [Theory]
    [InlineData("arn:aws:dynamodb:*:*:table/orders", "arn:aws:dynamodb:us-east-1:000000000000:table/orders", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:000000000000:table/orders", "arn:aws:dynamodb:us-east-1:000000000000:table/orders/index/byCustomer", false)]
    [InlineData("arn:aws:dynamodb:us-east-1:000000000000:table/orders/index/*", "arn:aws:dynamodb:us-east-1:000000000000:table/orders/index/byCustomer", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:000000000000:table/orders*", "arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/2025", true)]
    [InlineData("arn:aws:dynamodb:us-east-1:000000000000:table/Orders", "arn:aws:dynamodb:us-east-1:000000000000:table/orders", false)]
    [InlineData("arn:aws:dynamodb:us-east-1:000000000000:table/order?", "arn:aws:dynamodb:us-east-1:000000000000:table/orders", true)]
    [InlineData("*", "arn:aws:lambda:us-east-1:000000000000:function:writer", true)]
    public void Resources_match_case_sensitively(string pattern, string resource, bool matches) =>
        Assert.Equal(matches, WildcardPattern.Matches(pattern, resource, ignoreCase: false));
}
