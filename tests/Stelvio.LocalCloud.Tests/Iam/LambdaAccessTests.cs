using Stelvio.LocalCloud.Iam.Requests;

namespace Stelvio.LocalCloud.Tests.Iam;

public sealed class LambdaAccessTests
{
    private const string Function = "arn:aws:lambda:us-east-1:000000000000:function:orders";

    [Theory]
    [InlineData("/2015-03-31/functions/orders/invocations", "orders")]
    [InlineData("/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Aorders/invocations", Function)]
    [InlineData("/2015-03-31/functions/orders", null)]
    [InlineData("/2015-03-31/functions//invocations", null)]
    [InlineData("/", null)]
    public void The_function_name_comes_from_the_Invoke_path(string path, string? name) =>
        Assert.Equal(name, LambdaAccess.FunctionNameOf(path));

    [Theory]
    [InlineData("orders", null, Function)]
    [InlineData("orders", "live", Function + ":live")]
    [InlineData("orders:7", null, Function + ":7")]
    [InlineData("000000000000:function:orders", null, Function)]
    [InlineData(Function, null, Function)]
    [InlineData(Function + ":live", null, Function + ":live")]
    public void Invoke_needs_lambda_InvokeFunction_on_the_possibly_qualified_ARN(string functionName, string? qualifier, string resource)
    {
        var (name, access) = LambdaAccess.For(functionName, qualifier, "us-east-1", "000000000000");
        Assert.Equal("orders", name);
        Assert.Equal(new RequestedAccess("lambda:InvokeFunction", resource), access);
    }
}
