using System.Text.Json;
using Stelvio.Deploy.Tests.Support;

namespace Stelvio.Deploy.Tests.EndToEnd;

/// <summary>
/// An app at the resource quota (490 resources, mostly streamed tables and functions) synthesizes within every
/// quota, deploys, and 'outputs' lists every table's name, ARN and stream ARN and every function's name: the
/// template declares no outputs, so the 200-output quota no longer caps an app long before its 500 resources.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoScaleTests(MotoServer moto) : IAsyncLifetime
{
    private const string Account = "123456789012";
    private MotoChecks checks = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        checks = new MotoChecks(moto.Endpoint);
    }

    public Task DisposeAsync()
    {
        checks.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AnAppOf490Resources_Deploys_AndOutputsListsEveryTableAndFunction()
    {
        var synth = TestApps.Synth("e2e", TestApps.AtTheResourceLimit).EnsureWithinStackLimits();
        Assert.Equal(490, synth.Template.Resources.Count);
        Assert.Empty(synth.Template.Outputs);
        // The template is over the inline limit, so it goes through the bucket; moto 5.2.1 reads a path-style
        // TemplateURL only from a "localhost" host (see MotoDeployTests.ATemplateOverTheInlineLimit_IsDeployedFromTheBucket).
        var services = TestCli.Services($"http://localhost:{moto.Port}", builder: new FakeAssetBuilder()) with
        {
            Retry = new Stelvio.Deploy.Aws.RetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) },
        };

        var deploy = await TestCli.RunAsync(TestApps.AtTheResourceLimit, services, ["deploy", "--yes", "--stage", "e2e"]);
        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        var outputs = await TestCli.RunAsync(TestApps.AtTheResourceLimit, services, ["outputs", "--json", "--stage", "e2e"]);

        Assert.True(outputs.ExitCode == 0, outputs.ToString());
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(outputs.Output)!;
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in synth.Template.Resources)
        {
            switch (resource.Type)
            {
                case "AWS::DynamoDB::Table":
                    var table = resource.Properties["TableName"]!.GetValue<string>();
                    expected[resource.LogicalId + "Name"] = table;
                    expected[resource.LogicalId + "Arn"] = $"arn:aws:dynamodb:us-east-1:{Account}:table/{table}";
                    if (resource.Properties["StreamSpecification"] is not null)
                    {
                        expected[resource.LogicalId + "StreamArn"] = (await checks.Dynamo.DescribeTableAsync(table)).Table.LatestStreamArn;
                    }

                    break;
                case "AWS::Lambda::Function":
                    expected[resource.LogicalId + "Name"] = resource.Properties["FunctionName"]!.GetValue<string>();
                    break;
            }
        }

        Assert.Equal(150 * 2 + 70 + 100, expected.Count); // 150 table names and ARNs, 70 stream ARNs, 100 function names
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), values.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.All(values.Where(v => v.Key.EndsWith("StreamArn", StringComparison.Ordinal)), v => Assert.StartsWith(values[v.Key[..^"StreamArn".Length] + "Arn"] + "/stream/", v.Value, StringComparison.Ordinal));
    }
}
