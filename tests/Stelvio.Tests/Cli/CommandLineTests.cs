using Spectre.Console.Testing;
using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Cli;

namespace Stelvio.Tests.Cli;

/// <summary>The command line's contract: usage errors (exit 2) before anything runs, help, and config errors (exit 1) without stack traces.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("stelvio-cli-").FullName;
    private readonly TestConsole console = new();
    private int declared;

    public CommandLineTests()
    {
        console.Profile.Width = 400;
    }

    public void Dispose()
    {
        console.Dispose();
        Directory.Delete(output, recursive: true);
    }

    private AppDefinition Orders => new("shop", app =>
    {
        declared++;
        new DynamoTable("orders", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });
    });

    private Task<int> Run(params string[] args) => StelvioCli.RunAsync(args, Orders, console);

    [Theory]
    [InlineData("Unknown option '--stgae' for 'synth'. Did you mean '--stage'? Options: --output, --stage, --help.", "synth", "--stgae", "dev")]
    [InlineData("Unknown option '--stgae' for 'deploy'. Did you mean '--stage'?", "deploy", "--stgae", "dev", "--yes")]
    [InlineData("Unknown option '--exitcode' for 'diff'. Did you mean '--exit-code'?", "diff", "--exitcode")]
    [InlineData("Unknown option '--stage' for 'bootstrap'.", "bootstrap", "--stage", "dev")]
    [InlineData("Unexpected argument 'extra': 'synth' takes options only (--output, --stage, --help).", "synth", "extra")]
    [InlineData("Unexpected argument 'stage': 'synth' takes options only (--output, --stage, --help). Did you mean '--stage'?", "synth", "stage", "dev")]
    [InlineData("Option '--stage' needs a value: --stage <STAGE>.", "synth", "--stage")]
    [InlineData("Option '--stage' needs a value: --stage <STAGE>.", "deploy", "--stage", "--yes")]
    [InlineData("Unknown command 'synht'. Did you mean 'synth'? Commands: synth, dev, invoke, deploy, diff, outputs, destroy, bootstrap.", "synht")]
    [InlineData("Unknown option '--stage' before the command.", "--stage", "dev", "synth")]
    public async Task AMistypedCommandLine_IsAUsageError_WithASuggestion_BeforeAnythingIsDeclared(string message, params string[] args)
    {
        var exit = await StelvioCli.RunAsync([.. args, "--output", output], Orders, console);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith("Error: " + message, console.Output, StringComparison.Ordinal);
        Assert.Equal(0, declared);
        Assert.Empty(Directory.GetFileSystemEntries(output));
    }

    [Fact]
    public async Task AFlagGivenAValue_IsAUsageError()
    {
        var exit = await Run("deploy", "--yes=3");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Error: Flags cannot be assigned a value.", console.Output, StringComparison.Ordinal);
        Assert.Equal(0, declared);
    }

    [Fact]
    public async Task ANonPositiveTimeout_IsAUsageError()
    {
        var exit = await Run("outputs", "--timeout", "0");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--timeout must be a positive number of seconds, not 0.", console.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("synth", "--stage", "--output")]
    [InlineData("deploy", "--stage", "--region", "--profile", "--timeout", "--yes")]
    [InlineData("diff", "--stage", "--region", "--profile", "--timeout", "--exit-code")]
    [InlineData("outputs", "--stage", "--region", "--profile", "--timeout", "--json")]
    [InlineData("destroy", "--stage", "--region", "--profile", "--timeout", "--yes")]
    [InlineData("bootstrap", "--region", "--profile", "--timeout")]
    public async Task HelpOfEveryCommand_ListsItsOptions_AndExamplesAsUsersRunThem(string command, params string[] options)
    {
        var exit = await Run(command, "--help");

        Assert.Equal(ExitCodes.Success, exit);
        var text = console.Output;
        Assert.Contains($"    dotnet run -- {command} [OPTIONS]", text, StringComparison.Ordinal);
        Assert.Contains($"EXAMPLES:\n    dotnet run -- {command} ", text.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var option in options.Append("--help"))
        {
            Assert.Contains(option, text, StringComparison.Ordinal);
        }

        Assert.Equal(0, declared);
    }

    [Fact]
    public async Task ADeferredValueUsedAsText_IsAConfigErrorNamingTheComponent_WithoutAStackTrace()
    {
        var definition = new AppDefinition("shop", app =>
        {
            var orders = new DynamoTable("orders", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });
            new Function("worker", new() { Handler = "functions/Orders::Handlers.Run", Environment = { ["ORDERS"] = $"table {orders.Name}" } });
        });

        var exit = await StelvioCli.RunAsync(["synth", "--stage", "x", "--output", output], definition, console);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.StartsWith("Error:\n  - DynamoTable 'orders': Name: a deferred value ({\"Ref\":\"OrdersTable\"}) is used as text", console.Output.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", console.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(output));
    }

    [Fact]
    public async Task AnExceptionNoCommandExpects_IsShownInFull_WithExitCode1()
    {
        var definition = new AppDefinition("shop", _ => throw new FormatException("the app's own bug"));

        var exit = await StelvioCli.RunAsync(["synth", "--stage", "x", "--output", output], definition, console);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.StartsWith("Error: the app's own bug", console.Output, StringComparison.Ordinal);
        Assert.Contains("FormatException", console.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stgae", "stage", 1)]
    [InlineData("synht", "synth", 1)]
    [InlineData("deploy", "deploy", 0)]
    [InlineData("outptus", "outputs", 1)]
    [InlineData("abc", "xyz", 3)]
    public void Distance_CountsASwapOfNeighboursAsOneEdit(string typed, string known, int distance) =>
        Assert.Equal(distance, Suggestions.Distance(typed, known));

    [Fact]
    public void Closest_SuggestsOnlyNamesNearEnoughToBeATypo()
    {
        Assert.Equal("--stage", Suggestions.Closest("--stgae", ["--output", "--stage"]));
        Assert.Null(Suggestions.Closest("--color", ["--output", "--stage"]));
        Assert.Null(Suggestions.Closest("-x", ["-o", "-s"]));
    }
}
