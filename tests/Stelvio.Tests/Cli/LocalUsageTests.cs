using Stelvio.Cli;
using Stelvio.Cli.Commands;

namespace Stelvio.Tests.Cli;

/// <summary>The usage check of the local commands: <c>dev</c>'s command after <c>--</c> and <c>invoke</c>'s function name.</summary>
public sealed class LocalUsageTests
{
    private static readonly Dictionary<string, Type> Commands = new(StringComparer.Ordinal)
    {
        ["synth"] = typeof(SynthCommand.Settings),
        ["dev"] = typeof(DevSettings),
        ["invoke"] = typeof(InvokeSettings),
    };

    [Theory]
    [InlineData("dev", "--stage", "demo", "--", "dotnet", "run", "--project", "client", "--stage", "x")]
    [InlineData("dev", "--", "python3", "-c", "print(1)")]
    [InlineData("dev", "--no-watch", "--port", "0", "--data", "d")]
    [InlineData("invoke", "process-user", "--payload", "{}")]
    [InlineData("invoke", "--stage", "demo", "process-user", "--file", "event.json")]
    [InlineData("invoke", "--help")]
    public void AcceptsTheCommandAfterDashDash_AndTheFunctionName(params string[] args) =>
        Assert.Null(UsageCheck.Check(args, Commands));

    [Theory]
    [InlineData("Unexpected '--': 'synth' runs no command of yours; only dev does", "synth", "--", "ls")]
    [InlineData("Unknown option '--stgae' for 'dev'. Did you mean '--stage'?", "dev", "--stgae", "x", "--", "ls")]
    [InlineData("Unexpected argument 'ls': 'dev' takes options only", "dev", "ls")]
    [InlineData("'invoke' needs <NAME>: dotnet run -- invoke <NAME> [OPTIONS].", "invoke", "--payload", "{}")]
    [InlineData("Unexpected argument 'two': 'invoke' takes <NAME> and options", "invoke", "one", "two")]
    [InlineData("Option '--payload' needs a value: --payload <JSON>.", "invoke", "f", "--payload")]
    [InlineData("Unexpected '--': 'invoke' runs no command of yours", "invoke", "f", "--", "ls")]
    public void RejectsWhatTheCommandsDoNotTake(string message, params string[] args) =>
        Assert.StartsWith(message, UsageCheck.Check(args, Commands), StringComparison.Ordinal);
}
