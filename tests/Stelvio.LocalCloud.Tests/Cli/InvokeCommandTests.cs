using Stelvio.Cli;

namespace Stelvio.LocalCloud.Tests.Cli;

/// <summary><c>invoke NAME</c> through the real command line: one invocation, its logs and result; its failures and usage errors.</summary>
public sealed class InvokeCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("stelvio-invoke-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task AFunctionThatAnswers_PrintsItsLogsAndResult_Exit0()
    {
        var (exit, output) = await CliApp.RunAsync(["invoke", "greeter", "--stage", "i1", "--payload", """{"name": "Ada"}"""]);

        Assert.True(exit == ExitCodes.Success, output);
        Assert.Contains("Invoking clitest-i1-greeter (greeter) with 15 bytes of event\n", output, StringComparison.Ordinal);
        AssertOutput.Matches(@"\d\d:\d\d:\d\d\.\d{3}  clitest-i1-greeter  cli  \d+ ms  cold( \(init \d+ ms\))?  OK\n    │ greeting Ada\n", output);
        AssertOutput.Matches("Result:\n{\n  \"hello\": \"Ada\",\n  \"pid\": \\d+\n}\n$", output);
    }

    [Fact]
    public async Task TheEventCanComeFromAFile_AndTheFunctionByItsPhysicalName()
    {
        var file = Path.Combine(folder, "event.json");
        await File.WriteAllTextAsync(file, """{"name": "Grace"}""");

        var (exit, output) = await CliApp.RunAsync(["invoke", "clitest-i2-greeter", "--stage", "i2", "--file", file]);

        Assert.True(exit == ExitCodes.Success, output);
        Assert.Contains("  \"hello\": \"Grace\",", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFunctionThatFails_ShowsTheErrorAndStackTrace_Exit1()
    {
        var (exit, output) = await CliApp.RunAsync(["invoke", "greeter", "--stage", "i3", "--payload", """{"fail": true}"""]);

        Assert.True(exit == ExitCodes.Failure, output);
        AssertOutput.Matches(@"  clitest-i3-greeter  cli  \d+ ms  cold( \(init \d+ ms\))?  ERROR RuntimeError: greeter was asked to fail\n", output);
        Assert.Contains("greeter.py", output, StringComparison.Ordinal); // the stack trace
        Assert.Contains("Error: greeter failed: RuntimeError: greeter was asked to fail", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Result:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownFunction_IsAnErrorListingTheFunctions_Exit1()
    {
        var (exit, output) = await CliApp.RunAsync(["invoke", "greter", "--stage", "i4"]);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Equal(
            "Error: App 'clitest' has no function 'greter'. Did you mean 'greeter'? Its functions: items-record (clitest-i4-items-record), greeter (clitest-i4-greeter).\n",
            output);
    }

    [Theory]
    [InlineData("Error: --payload and --file both give the event; use one of them.", "--payload", "{}", "--file", "event.json")]
    [InlineData("Error: --payload is not valid JSON: ", "--payload", "{name: 1}")]
    public async Task APayloadAndAFile_OrAPayloadThatIsNotJson_IsAUsageError_Exit2(string message, params string[] options)
    {
        var (exit, output) = await CliApp.RunAsync(["invoke", "greeter", .. options]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileThatIsNotJson_IsAnError_Exit1()
    {
        var file = Path.Combine(folder, "event.json");
        await File.WriteAllTextAsync(file, "{\"name\": ");

        var (exit, output) = await CliApp.RunAsync(["invoke", "greeter", "--file", file]);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.StartsWith($"Error: --file {file} is not valid JSON: ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev", "dotnet run -- dev [OPTIONS]", "--stage", "--data", "--port", "--no-watch", "dotnet run -- dev --stage demo -- dotnet run --project client")]
    [InlineData("invoke", "dotnet run -- invoke <NAME> [OPTIONS]", "--stage", "--payload", "--file", "--data", "dotnet run -- invoke process-user --payload")]
    public async Task Help_ListsTheOptionsAndExamples(string command, string usage, params string[] expected)
    {
        var (exit, output) = await CliApp.RunAsync([command, "--help"]);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains(usage, output, StringComparison.Ordinal);
        Assert.Contains("EXAMPLES:", output, StringComparison.Ordinal);
        foreach (var text in expected)
        {
            Assert.Contains(text, output, StringComparison.Ordinal);
        }
    }
}
