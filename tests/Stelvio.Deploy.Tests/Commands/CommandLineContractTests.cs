using System.Net;
using System.Net.Sockets;
using Stelvio.Assets;
using Stelvio.Cli;
using Stelvio.Deploy.Tests.Support;
using Stelvio.Deploy.Tests.Support.StandIn;
using static Stelvio.Deploy.Tests.Commands.StandInScenario;

namespace Stelvio.Deploy.Tests.Commands;

/// <summary>
/// The command line's contract where AWS is involved: <c>diff --exit-code</c>, the changes <c>deploy</c> shows,
/// build failures as config errors, progress lines, and endpoints that never answer.
/// </summary>
public sealed class CommandLineContractTests : IAsyncLifetime
{
    private CloudFormationStandIn standIn = null!;
    private StandInScenario scenario = null!;

    public async Task InitializeAsync()
    {
        standIn = await CloudFormationStandIn.StartAsync();
        scenario = new StandInScenario(standIn);
    }

    public async Task DisposeAsync() => await standIn.DisposeAsync();

    private Task<CliResult> Run(Action<StelvioApp> app, IAssetBuilder? builder, params string[] args) =>
        TestCli.RunAsync(app, TestCli.Services(standIn.Url, builder: builder) with { AssetStore = _ => new MemoryAssetStore() }, [.. args, "--stage", "test"]);

    private void AnUpdateOfTheAuditFunctionsMemory(bool withDetails)
    {
        scenario.StatusBefore = "UPDATE_COMPLETE";
        scenario.DeployedTemplate = TestApps.Synth("test", TestApps.OrdersWithAudit(memory: 256)).TemplateJson;
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes:
            withDetails
                ? Xml.Change("Modify", "OrdersAuditFunction", "AWS::Lambda::Function", "False", ("MemorySize", "Never"))
                : Xml.Change("Modify", "OrdersAuditFunction", "AWS::Lambda::Function", "False"));
    }

    [Fact]
    public async Task DiffExitCode_IsOneWhenThereAreChanges()
    {
        AnUpdateOfTheAuditFunctionsMemory(withDetails: true);

        var withFlag = await Run(TestApps.OrdersWithAudit(memory: 512), null, "diff", "--exit-code");
        var withoutFlag = await Run(TestApps.OrdersWithAudit(memory: 512), null, "diff");

        Assert.True(withFlag.ExitCode == ExitCodes.Failure, withFlag.ToString());
        Assert.Contains("~ Properties.MemorySize: 256 → 512", withFlag.Output, StringComparison.Ordinal);
        Assert.True(withoutFlag.ExitCode == ExitCodes.Success, withoutFlag.ToString());
    }

    [Fact]
    public async Task DiffExitCode_IsZeroWhenThereAreNone()
    {
        var deployed = TestApps.Synth("test", TestApps.Orders).TemplateJson;
        scenario.StatusBefore = "UPDATE_COMPLETE";
        scenario.DeployedTemplate = deployed;
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "FAILED", "The submitted information didn't contain changes. Submit different information to create a change set.", "UNAVAILABLE");

        var result = await Run(TestApps.Orders, null, "diff", "--exit-code");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("No changes: stack shop-test is up to date.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_ShowsThePropertyChangesAsDiffDoes_FromTheTemplateWhenTheChangeSetHasNoDetails()
    {
        AnUpdateOfTheAuditFunctionsMemory(withDetails: false);
        scenario.StatusesAfter.Add("UPDATE_COMPLETE");

        var deploy = await Run(TestApps.OrdersWithAudit(memory: 512), null, "deploy", "--yes");
        var diff = await Run(TestApps.OrdersWithAudit(memory: 512), null, "diff");

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        foreach (var result in new[] { deploy, diff })
        {
            Assert.True(result.Output.Contains("  ~ OrdersAuditFunction  AWS::Lambda::Function  MemorySize", StringComparison.Ordinal), result.Output);
            Assert.Contains("Template changes (deployed → new):", result.Output, StringComparison.Ordinal);
            Assert.Contains("      ~ Properties.MemorySize: 256 → 512", result.Output, StringComparison.Ordinal);
        }

        var output = deploy.Output;
        Assert.True(output.IndexOf("Properties.MemorySize", StringComparison.Ordinal) < output.IndexOf("Deployed stack", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task Deploy_ShowsEachBuildAndUploadAndTheChangeSetWait_OnOneLineWithItsDuration()
    {
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Add", "OrdersTable", "AWS::DynamoDB::Table"));
        scenario.StatusesAfter.Add("CREATE_COMPLETE");

        var result = await Run(TestApps.OrdersWithAudit(), new FakeAssetBuilder(), "deploy", "--yes");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Synthesized 5 resources, hashed the code of 1 function assets [0-9]+\.[0-9] s$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Building orders-audit \(Python, x86_64\) [0-9]+\.[0-9] s$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Uploading assets/[0-9a-f]+\.zip \([0-9,]+ bytes\) [0-9]+\.[0-9] s$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Creating the change set of stack shop-test [0-9]+\.[0-9] s$"));
    }

    [Fact]
    public async Task AHandlerThatDoesNotBuild_IsAConfigErrorNamingItsFunctions_WithExitCode1()
    {
        scenario.ChangeSet = Xml.DescribeChangeSet(Stack, "CREATE_COMPLETE", changes: Xml.Change("Add", "OrdersTable", "AWS::DynamoDB::Table"));

        var result = await Run(TestApps.OrdersWithAudit(), new FailingBuilder(), "deploy", "--yes");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("Error:\n  - Function 'orders-audit': Handler: Function code in 'handlers': dotnet publish failed with exit code 1.", result.Output, StringComparison.Ordinal);
        Assert.Contains("error CS0103: The name 'Resources' does not exist", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.Empty(standIn.Of("CreateChangeSet"));
    }

    [Theory]
    [InlineData("--timeout", "1")]
    [InlineData(null, null)]
    public async Task AnEndpointThatAcceptsButNeverAnswers_FailsAfterTheTimeout_NamingTheService(string? option, string? seconds)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                accepted.Add(await listener.AcceptTcpClientAsync());
            }
        });
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        var environment = option is null ? new Dictionary<string, string> { [Stelvio.Cli.Commands.AwsSettings.TimeoutVariable] = "1" } : null;
        var services = TestCli.Services(url, environment);
        string[] args = option is null ? ["diff", "--stage", "test"] : ["diff", "--stage", "test", option, seconds!];

        var result = await TestCli.RunAsync(TestApps.Orders, services, args);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains($"Error: Cannot reach sts at {url}/ (no answer within 1 s; set --timeout or STELVIO_AWS_TIMEOUT to wait longer).", result.Output, StringComparison.Ordinal);
        listener.Stop();
        accepted.ForEach(c => c.Dispose());
    }

    [Fact]
    public void TheDefaultRequestTimeout_Is30Seconds() =>
        Assert.Equal(TimeSpan.FromSeconds(30), DeployServices.Default.RequestTimeout);

    private sealed class FailingBuilder : IAssetBuilder
    {
        public Task<BuiltAsset> BuildAsync(FunctionAsset asset, CancellationToken cancellationToken) =>
            throw new AssetBuildException(asset,
                "Function code in 'handlers': dotnet publish failed with exit code 1.",
                "Handlers.cs(3,20): error CS0103: The name 'Resources' does not exist in the current context");
    }
}
