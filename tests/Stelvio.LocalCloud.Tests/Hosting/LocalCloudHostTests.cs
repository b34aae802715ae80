using System.Text;
using Stelvio.LocalCloud.Hosting;
using Stelvio.LocalCloud.Lambda;
using Stelvio.LocalCloud.Tests.EndToEnd;

namespace Stelvio.LocalCloud.Tests.Hosting;

/// <summary>The host on a small Python app (no build): its checks, its environment, its idle wait and its history.</summary>
public class LocalCloudHostTests
{
    [Fact]
    public async Task AFunctionWithoutLocalCode_IsNamedAtStart()
    {
        var synth = StelvioApp.Declare("slowapp", "test", PythonApps.Slow, PythonApps.Directory).Synth();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => LocalCloudHost.StartAsync(new LocalCloudHostOptions
        {
            Template = synth.TemplateBytes,
            StackName = synth.StackName,
            Code = new Dictionary<string, FunctionCode>(),
        }, CancellationToken.None));

        Assert.StartsWith($"No local code for function 'slowapp-test-slow' (code key {synth.Assets[0].S3Key}). Build the app's functions for this machine first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientEnvironment_HasTheEndpointsAndEachResourceAsLinksNameIt()
    {
        await using var cloud = await Testing.LocalCloud.StartAsync("slowapp", "test", PythonApps.Slow, new Testing.LocalCloudOptions { ProjectDirectory = PythonApps.Directory });
        var url = cloud.Endpoint.ToString().TrimEnd('/');

        var environment = cloud.Environment;

        Assert.Equal(url, environment["AWS_ENDPOINT_URL"]);
        Assert.Equal(url, environment["AWS_ENDPOINT_URL_DYNAMODB"]);
        Assert.Equal(url, environment["AWS_ENDPOINT_URL_DYNAMODBSTREAMS"]);
        Assert.Equal(url, environment["AWS_ENDPOINT_URL_LAMBDA"]);
        Assert.Equal("us-east-1", environment["AWS_REGION"]);
        Assert.Equal("us-east-1", environment["AWS_DEFAULT_REGION"]);
        Assert.Equal("slowapp-test-3d-models", environment["STLV_THREE_D_MODELS_TABLE_NAME"]);
        Assert.Equal("arn:aws:dynamodb:us-east-1:000000000000:table/slowapp-test-3d-models", environment["STLV_THREE_D_MODELS_TABLE_ARN"]);
        Assert.StartsWith("arn:aws:dynamodb:us-east-1:000000000000:table/slowapp-test-3d-models/stream/", environment["STLV_THREE_D_MODELS_STREAM_ARN"], StringComparison.Ordinal);
        Assert.Equal("slowapp-test-slow", environment["STLV_SLOW_FUNCTION_NAME"]);
        Assert.Equal("slowapp-test-3d-models", cloud.TableName("3d-models"));
        var unknown = Assert.Throws<ArgumentException>(() => cloud.TableName("orders"));
        Assert.StartsWith("The app has no table 'orders'. Its tables: 3d-models.", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenIdle_WaitsForAnInvocationInFlight_AndOnTimeoutSaysWhichOne()
    {
        await using var cloud = await Testing.LocalCloud.StartAsync("slowapp", "test", PythonApps.Slow, new Testing.LocalCloudOptions { ProjectDirectory = PythonApps.Directory });

        // In flight from the call on: the host counts it before the first await.
        var running = cloud.InvokeAsync("slow", """{"seconds": 2}""");

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => cloud.WhenIdleAsync(TimeSpan.FromMilliseconds(200)));
        await cloud.WhenIdleAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("The local cloud was not idle after 0.2 s. Still waiting for: function slowapp-test-slow: invocation in flight since ", timeout.Message, StringComparison.Ordinal);
        Assert.True(running.IsCompleted, "WhenIdle completed before the invocation in flight");
        var invocation = Assert.Single(cloud.Invocations);
        Assert.Equal("""{"seconds": 2}""", invocation.Event);
        Assert.Equal("test", invocation.Trigger);
        Assert.True(invocation.ColdStart);
    }

    [Fact]
    public async Task InvokingAnUnknownFunction_ListsTheAppsFunctions()
    {
        await using var cloud = await Testing.LocalCloud.StartAsync("slowapp", "test", PythonApps.Slow, new Testing.LocalCloudOptions { ProjectDirectory = PythonApps.Directory });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => cloud.Host.InvokeAsync("nope", Encoding.UTF8.GetBytes("{}"), CancellationToken.None));

        Assert.StartsWith("The app has no function named 'nope'. Its functions: slowapp-test-slow.", error.Message, StringComparison.Ordinal);
    }
}
