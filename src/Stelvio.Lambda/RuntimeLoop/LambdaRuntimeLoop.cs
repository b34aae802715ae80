using Stelvio.Lambda.Client;
using Stelvio.Lambda.Context;
using Stelvio.Lambda.Handlers;

namespace Stelvio.Lambda.RuntimeLoop;

/// <summary>
/// The custom runtime's life: init (register the handlers, pick the one <c>_HANDLER</c> names; failures go
/// to <c>/runtime/init/error</c>), then one invocation after another: <c>GET /runtime/invocation/next</c>,
/// run the handler, <c>POST</c> its result to <c>/response</c> or its exception to <c>/error</c>.
/// </summary>
internal sealed class LambdaRuntimeLoop(
    IRuntimeApiClient client,
    Action<HandlerRegistry> configure,
    IEnvironmentVariables environment,
    TextWriter stdout,
    TextWriter stderr,
    TimeProvider time)
{
    /// <summary>The environment variable that names the handler to run.</summary>
    public const string HandlerVariable = "_HANDLER";

    /// <summary>The environment variable custom runtimes set to the invocation's trace header.</summary>
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    private RegisteredHandler? handler;
    private FunctionSettings function = new("", "$LATEST", 0, "", "");

    /// <summary>The handler chosen at init, or null before init or after it failed.</summary>
    public string? HandlerName => handler?.Name;

    /// <summary>Init then invocations until <paramref name="cancellationToken"/> fires. Returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!await InitializeAsync(cancellationToken).ConfigureAwait(false))
        {
            return 1;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await InvokeOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        return 0;
    }

    /// <summary>Registers the handlers and picks one; on failure reports an init error and returns false.</summary>
    internal async Task<bool> InitializeAsync(CancellationToken cancellationToken)
    {
        function = FunctionSettings.From(environment);
        ErrorResponse error;
        try
        {
            var registry = new HandlerRegistry();
            configure(registry);
            var resolution = registry.Resolve(environment.Get(HandlerVariable));
            if (resolution.Handler is not null)
            {
                handler = resolution.Handler;
                return true;
            }

            error = new ErrorResponse { ErrorMessage = resolution.Error!, ErrorType = HandlerResolution.NotFoundErrorType };
        }
        catch (Exception exception)
        {
            error = ErrorResponse.From(exception);
        }

        new LambdaLogger("", stdout, stderr, time).LogError($"Init failed: {error.ErrorType}: {error.ErrorMessage}");
        await client.ReportInitializationErrorAsync(error, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>One invocation: waits for the next event, runs the handler and reports the outcome.</summary>
    internal async Task InvokeOnceAsync(CancellationToken cancellationToken)
    {
        var current = handler ?? throw new InvalidOperationException("InvokeOnceAsync needs a successful InitializeAsync first.");
        var request = await client.GetNextInvocationAsync(cancellationToken).ConfigureAwait(false);
        environment.Set(TraceIdVariable, request.TraceId);
        var logger = new LambdaLogger(request.AwsRequestId, stdout, stderr, time);
        var context = new LambdaContext(request, function, logger, time);

        byte[] response;
        try
        {
            response = await current.Invoke(request.Body, context).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            logger.LogError($"{current.Name} failed", exception);
            await ReportAsync(client.ReportInvocationErrorAsync(request.AwsRequestId, ErrorResponse.From(exception), cancellationToken), logger, "error").ConfigureAwait(false);
            return;
        }

        await ReportAsync(client.SendResponseAsync(request.AwsRequestId, response, cancellationToken), logger, "response").ConfigureAwait(false);
    }

    /// <summary>
    /// Posts an invocation's outcome. When Lambda refuses that one post (400, or 413 for a response over its payload
    /// limit) it fails the invocation itself, and the runtime goes on to the next one instead of exiting, which
    /// would cost a cold start; other failures end the runtime.
    /// </summary>
    private static async Task ReportAsync(Task post, ILambdaLogger logger, string what)
    {
        try
        {
            await post.ConfigureAwait(false);
        }
        catch (RuntimeApiException exception) when (exception.IsRequestRefused)
        {
            logger.LogError($"Lambda refused the invocation's {what}: {exception.Message}");
        }
    }
}
