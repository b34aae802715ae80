using Spectre.Console.Testing;
using Stelvio.Cli;

namespace Stelvio.Deploy.Tests.Support;

/// <summary>The outcome of one command: its exit code and what it printed.</summary>
public sealed record CliResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}:\n{Output}";
}

/// <summary>Runs the Stelvio command line in-process, as a user's program does, on a test console.</summary>
internal static class TestCli
{
    public const string App = "shop";

    /// <summary>Services for a test: credentials and endpoint in the injected environment, fast polling and retries.</summary>
    public static DeployServices Services(string endpoint, IDictionary<string, string>? environment = null, Stelvio.Assets.IAssetBuilder? builder = null)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIDTESTING",
            ["AWS_SECRET_ACCESS_KEY"] = "testing-secret",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ENDPOINT_URL"] = endpoint,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        return new DeployServices
        {
            Environment = name => variables.GetValueOrDefault(name),
            PollInterval = TimeSpan.FromMilliseconds(5),
            Retry = new Stelvio.Deploy.Aws.RetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
            AssetBuilder = _ => builder ?? new FakeAssetBuilder(),
        };
    }

    public static async Task<CliResult> RunAsync(Action<StelvioApp> declare, DeployServices services, string[] args, TestConsole? console = null, CancellationToken cancellationToken = default)
    {
        console ??= new TestConsole();
        console.Profile.Width = 400;
        var code = await StelvioCli.RunAsync(args, new AppDefinition(App, declare, TestApps.ProjectDirectory), console, services, cancellationToken);
        return new CliResult(code, console.Output);
    }
}
