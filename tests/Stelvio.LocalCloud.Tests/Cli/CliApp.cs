using Spectre.Console;
using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Cli;

namespace Stelvio.LocalCloud.Tests.Cli;

/// <summary>
/// The app the CLI tests run (Cli/App/functions, copied beside the tests): Python handlers, so it starts in a moment with
/// no build. An items table with a stream and a subscription that gives up a failed batch at once, and a function
/// that greets, fails on request, or writes to a table it is not linked to.
/// </summary>
internal static class CliApp
{
    public const string Name = "clitest";

    /// <summary>The folder the handler paths are relative to, as copied to the test output.</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Cli", "App");

    public static AppDefinition Definition { get; } = new(Name, Declare, Directory);

    public static void Declare(StelvioApp app)
    {
        var items = new DynamoTable("items", new()
        {
            Fields = { ["id"] = "string" },
            PartitionKey = "id",
            Stream = StreamView.NewImage,
        });
        items.Subscribe("record", new FunctionConfig { Handler = "functions/recorder.process", Runtime = "python3.12" }, options: new() { MaxRetryAttempts = 0 });
        new Function("greeter", new() { Handler = "functions/greeter.handler", Runtime = "python3.12" });
    }

    /// <summary>Runs the command line with a console that is not a terminal, as in CI.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string[] args, ObservedWriter? output = null, CancellationToken cancellationToken = default, AppDefinition? definition = null)
    {
        output ??= new ObservedWriter();
        var console = CliConsole.Create(_ => null, output, AnsiSupport.No);
        var exit = await StelvioCli.RunAsync(args, definition ?? Definition, console, cancellationToken: cancellationToken);
        return (exit, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
