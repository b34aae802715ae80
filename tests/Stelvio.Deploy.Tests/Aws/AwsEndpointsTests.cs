using Stelvio.Deploy.Aws;

namespace Stelvio.Deploy.Tests.Aws;

public sealed class AwsEndpointsTests
{
    private static AwsEndpoints With(params (string Name, string Value)[] variables) =>
        new("eu-west-1", name => variables.FirstOrDefault(v => v.Name == name).Value);

    [Fact]
    public void WithoutVariables_UsesAwsRegionalEndpoints()
    {
        var endpoints = With();

        Assert.Equal("https://cloudformation.eu-west-1.amazonaws.com/", endpoints.CloudFormation.Url.ToString());
        Assert.Equal("https://sts.eu-west-1.amazonaws.com/", endpoints.Sts.Url.ToString());
        Assert.False(endpoints.S3.IsCustom);
    }

    [Fact]
    public void ChinaRegions_UseTheChinaDnsSuffix() =>
        Assert.Equal("https://cloudformation.cn-north-1.amazonaws.com.cn/", new AwsEndpoints("cn-north-1", _ => null).CloudFormation.Url.ToString());

    [Fact]
    public void AwsEndpointUrl_AppliesToEveryService()
    {
        var endpoints = With(("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"));

        Assert.Equal("http://127.0.0.1:5000/", endpoints.CloudFormation.Url.ToString());
        Assert.Equal("http://127.0.0.1:5000/", endpoints.S3.Url.ToString());
        Assert.True(endpoints.S3.IsCustom);
        Assert.Equal("AWS_ENDPOINT_URL", endpoints.Sts.Source);
    }

    [Fact]
    public void ServiceVariables_WinOverTheGeneralOne()
    {
        var endpoints = With(
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"),
            ("AWS_ENDPOINT_URL_CLOUDFORMATION", "http://127.0.0.1:6000"),
            ("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:7000"));

        Assert.Equal("http://127.0.0.1:6000/", endpoints.CloudFormation.Url.ToString());
        Assert.Equal("AWS_ENDPOINT_URL_CLOUDFORMATION", endpoints.CloudFormation.Source);
        Assert.Equal("http://127.0.0.1:7000/", endpoints.S3.Url.ToString());
        Assert.Equal("http://127.0.0.1:5000/", endpoints.Sts.Url.ToString());
    }

    [Fact]
    public void AnEndpointThatIsNotAUrl_FailsNamingTheVariable()
    {
        var error = Assert.Throws<DeployException>(() => With(("AWS_ENDPOINT_URL_S3", "localhost:5000")).S3);

        Assert.Equal("AWS_ENDPOINT_URL_S3 is set to 'localhost:5000', which is not an http(s) URL. Set it to an endpoint such as http://127.0.0.1:5000, or unset it to use AWS.", error.Message);
    }
}
