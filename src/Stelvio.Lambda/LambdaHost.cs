using Stelvio.Lambda.Client;
using Stelvio.Lambda.Context;
using Stelvio.Lambda.Handlers;
using Stelvio.Lambda.RuntimeLoop;

namespace Stelvio.Lambda;

/// <summary>
/// The entry point of a C# Lambda function on the <c>provided.al2023</c> custom runtime: the program is
/// published as an executable named <c>bootstrap</c>, which Lambda starts with <c>AWS_LAMBDA_RUNTIME_API</c>
/// and <c>_HANDLER</c> set. One binary can hold several handlers; <c>_HANDLER</c> picks one. Started as
/// <c>bootstrap --list-handlers</c>, it prints the names it registers, one a line, and exits without contacting
/// the Runtime API: Stelvio runs it when it builds the function to check every function's handler is there.
/// </summary>
/// <example>
/// Program.cs of a function project:
/// <code>
/// using Stelvio.Lambda;
///
/// return await LambdaHost.RunAsync(h => h
///     .Add(OrderHandlers.ProcessChanges)
///     .Add(InventoryHandlers.UpdateStock));
/// </code>
/// </example>
public static class LambdaHost
{
    /// <summary>The option that makes the program print its registered handler names, one a line, and exit.</summary>
    public const string ListHandlersOption = "--list-handlers";

    /// <summary>
    /// Registers the handlers, picks the one <c>_HANDLER</c> names and serves invocations until
    /// <paramref name="cancellationToken"/> fires. Returns the process exit code: 1 when init failed (the
    /// error is reported to Lambda, which shows it in the function's log and to the caller). With
    /// <see cref="ListHandlersOption"/> on the command line it prints the registered names instead and returns.
    /// </summary>
    public static Task<int> RunAsync(Action<HandlerRegistry> configure, CancellationToken cancellationToken = default) =>
        RunAsync(configure, Environment.GetCommandLineArgs().Skip(1).ToArray(), new SystemEnvironmentVariables(), Console.Out, Console.Error, TimeProvider.System, cancellationToken);

    internal static Task<int> RunAsync(Action<HandlerRegistry> configure, IEnvironmentVariables environment, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken) =>
        RunAsync(configure, [], environment, stdout, stderr, time, cancellationToken);

    internal static async Task<int> RunAsync(Action<HandlerRegistry> configure, IReadOnlyList<string> args, IEnvironmentVariables environment, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Contains(ListHandlersOption))
        {
            return await ListHandlersAsync(configure, stdout, stderr).ConfigureAwait(false);
        }

        var runtimeApi = environment.Get("AWS_LAMBDA_RUNTIME_API");
        if (string.IsNullOrWhiteSpace(runtimeApi))
        {
            await stderr.WriteLineAsync(
                "AWS_LAMBDA_RUNTIME_API is not set. This program is the bootstrap of a Lambda function: Lambda runs it " +
                "with AWS_LAMBDA_RUNTIME_API=host:port and _HANDLER=Type.Method.").ConfigureAwait(false);
            return 1;
        }

        using var client = new RuntimeApiClient(runtimeApi);
        try
        {
            return await new LambdaRuntimeLoop(client, configure, environment, stdout, stderr, time).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RuntimeApiException or HttpRequestException)
        {
            await stderr.WriteLineAsync($"The Lambda Runtime API at {runtimeApi} failed: {exception.Message}").ConfigureAwait(false);
            return 2;
        }
    }

    /// <summary>Prints the registered handler names, one a line; 1 when registering them fails (say, a name registered twice).</summary>
    private static async Task<int> ListHandlersAsync(Action<HandlerRegistry> configure, TextWriter stdout, TextWriter stderr)
    {
        var registry = new HandlerRegistry();
        try
        {
            configure(registry);
        }
        catch (Exception exception)
        {
            await stderr.WriteLineAsync($"Registering the handlers failed: {exception.GetType().FullName}: {exception.Message}").ConfigureAwait(false);
            return 1;
        }

        foreach (var name in registry.Names)
        {
            await stdout.WriteAsync(name + "\n").ConfigureAwait(false);
        }

        await stdout.FlushAsync().ConfigureAwait(false);
        return 0;
    }
}
