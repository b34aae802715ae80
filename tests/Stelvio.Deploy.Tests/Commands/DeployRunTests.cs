using System.Net;
using Spectre.Console.Testing;
using Stelvio.Cli.Commands;
using Stelvio.Deploy.Aws;

namespace Stelvio.Deploy.Tests.Commands;

/// <summary>How a command that talks to AWS turns failures and Ctrl+C into a line and an exit code.</summary>
public sealed class DeployRunTests
{
    [Fact]
    public async Task AnAwsErrorNoCommandTranslated_IsOneLine_NotAStackTrace()
    {
        var console = new TestConsole();

        var code = await DeployRun.RunAsync(console, CancellationToken.None, _ =>
            throw new AwsServiceException("cloudformation", "DescribeStacks", HttpStatusCode.BadRequest, "ValidationError", "1 validation error detected", "req-1"));

        Assert.Equal(1, code);
        Assert.Equal("Error: CloudFormation rejected DescribeStacks: 1 validation error detected", console.Output.Trim());
    }

    [Fact]
    public async Task ACancelledRun_PrintsWhatCancellingMeansThen_ExitsWith130()
    {
        var console = new TestConsole();
        using var cancellation = new CancellationTokenSource();

        var code = await DeployRun.RunAsync(console, cancellation.Token, async run =>
        {
            run.CancelMessage = "Stopped watching; CloudFormation carries on.";
            await cancellation.CancelAsync();
            await Task.Delay(Timeout.Infinite, run.Token);
            return 0;
        });

        Assert.Equal(DeployRun.CancelledExitCode, code);
        Assert.Equal("Stopped watching; CloudFormation carries on.", console.Output.Trim());
    }

    [Fact]
    public async Task AConfigErrorWithSeveralProblems_ListsEachOnItsOwnLine()
    {
        var console = new TestConsole();
        var errors = new List<ConfigError> { new("DynamoTable 'orders'", "PartitionKey", "is required."), new("DynamoTable 'orders'", "Fields", "is empty.") };

        var code = await DeployRun.RunAsync(console, CancellationToken.None, _ => throw new StelvioConfigException(errors));

        Assert.Equal(1, code);
        Assert.StartsWith("2 errors:", console.Output, StringComparison.Ordinal);
        Assert.Equal(3, console.Lines.Count(l => l.Length > 0));
    }
}
