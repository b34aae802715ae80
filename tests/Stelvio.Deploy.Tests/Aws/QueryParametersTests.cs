using Stelvio.Deploy.Aws;

namespace Stelvio.Deploy.Tests.Aws;

public sealed class QueryParametersTests
{
    [Fact]
    public void ToFormBody_WritesActionVersionThenParametersInOrder_PercentEncoded()
    {
        var body = new QueryParameters()
            .Add("StackName", "shop-dev")
            .Add("TemplateBody", "{\"a\": \"b c\"}")
            .Add("Skipped", null)
            .ToFormBody("CreateChangeSet", "2010-05-15");

        Assert.Equal("Action=CreateChangeSet&Version=2010-05-15&StackName=shop-dev&TemplateBody=%7B%22a%22%3A%20%22b%20c%22%7D", body);
    }

    [Fact]
    public void AddList_NumbersMembersFromOne()
    {
        var body = new QueryParameters().AddList("Capabilities", ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"]).ToFormBody("A", "1");

        Assert.Equal("Action=A&Version=1&Capabilities.member.1=CAPABILITY_IAM&Capabilities.member.2=CAPABILITY_NAMED_IAM", body);
    }

    [Fact]
    public void AddTags_WritesKeyAndValueOfEachMember()
    {
        var body = new QueryParameters().AddTags("Tags", [new("stelvio:app", "shop"), new("stelvio:stage", "dev")]).ToFormBody("A", "1");

        Assert.Equal("Action=A&Version=1&Tags.member.1.Key=stelvio%3Aapp&Tags.member.1.Value=shop&Tags.member.2.Key=stelvio%3Astage&Tags.member.2.Value=dev", body);
    }
}
