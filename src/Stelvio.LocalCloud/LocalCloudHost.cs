using Microsoft.AspNetCore.Http;
using Stelvio.DynamoDB.Local;
using Stelvio.LocalCloud.EventSources;
using Stelvio.LocalCloud.Gateway;
using Stelvio.LocalCloud.Hosting;
using Stelvio.LocalCloud.Iam;
using Stelvio.LocalCloud.Lambda;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud;

/// <summary>
/// The local cloud: a synthesized template running on this machine. Tables on the local DynamoDB engine (in memory or in
/// a data directory), materialized from the template; each function's IAM policies enforced at one loopback endpoint
/// (DynamoDB, DynamoDB Streams, Lambda Invoke); functions as local processes with their own credentials and that
/// endpoint; stream subscriptions run as Lambda's event source mappings. It records every invocation, denied call and
/// discarded batch, and can wait until everything written has been dealt with (<see cref="WhenIdleAsync"/>).
/// Disposing stops it all, every process it started included.
/// </summary>
internal sealed class LocalCloudHost : IAsyncDisposable
{
    private readonly DynamoEngine engine;
    private readonly LocalGateway gateway;
    private readonly LambdaService lambda;
    private readonly InvocationTracker tracker;
    private readonly EventSourceMappings mappings;
    private readonly Action<LocalCloudEvent>? onEvent;
    private readonly Lock gate = new();
    private readonly List<HostedInvocation> invocations = [];
    private readonly Dictionary<string, Queue<byte[]>> apiEvents = new(StringComparer.Ordinal);
    private readonly List<DeniedCall> deniedCalls = [];
    private int reportedFailedBatches;
    private int disposed;

    private LocalCloudHost(
        DynamoEngine engine, LocalApp app, LocalGateway gateway, LambdaService lambda, InvocationTracker tracker, EventSourceMappings mappings,
        IReadOnlyList<string> notRunLocally, string stackName, Action<LocalCloudEvent>? onEvent)
    {
        this.engine = engine;
        App = app;
        this.gateway = gateway;
        this.lambda = lambda;
        this.tracker = tracker;
        this.mappings = mappings;
        NotRunLocally = notRunLocally;
        StackName = stackName;
        this.onEvent = onEvent;
        ClientEnvironment = Hosting.ClientEnvironment.For(app, stackName, gateway.Endpoint);
    }

    /// <summary>The one endpoint of DynamoDB, DynamoDB Streams and Lambda's Invoke, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri Endpoint => gateway.Endpoint;

    /// <summary>The app as materialized from the template.</summary>
    public LocalApp App { get; }

    /// <summary>The stack the template runs as.</summary>
    public string StackName { get; }

    /// <summary>What the template declares that is not run (or not evaluated) locally, one line each, for start-up.</summary>
    public IReadOnlyList<string> NotRunLocally { get; }

    /// <summary>The environment of a program run against the local cloud (endpoints, region, developer credentials, resource names).</summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment { get; }

    /// <summary>Every finished invocation, oldest first.</summary>
    public IReadOnlyList<InvocationResult> Invocations => [.. History.Select(i => i.Result)];

    /// <summary>Every finished invocation with the event it was given, oldest first.</summary>
    public IReadOnlyList<HostedInvocation> History
    {
        get
        {
            lock (gate)
            {
                return [.. invocations];
            }
        }
    }

    /// <summary>Every call a function's policies refused, oldest first.</summary>
    public IReadOnlyList<DeniedCall> DeniedCalls
    {
        get
        {
            lock (gate)
            {
                return [.. deniedCalls];
            }
        }
    }

    /// <summary>Every batch a stream mapping gave up, oldest first, with AWS's failure record.</summary>
    public IReadOnlyList<FailedBatch> FailedBatches => mappings.FailedBatches;

    /// <summary>
    /// Starts the local cloud: the engine, the tables of the template, the endpoint, the functions (processes start on
    /// their first invocation) and the stream mappings. A template that cannot run locally throws
    /// <see cref="LocalTemplateException"/>; a function without code in <see cref="LocalCloudHostOptions.Code"/> throws
    /// <see cref="ArgumentException"/> naming it.
    /// </summary>
    public static async Task<LocalCloudHost> StartAsync(LocalCloudHostOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stack = new Stack<IAsyncDisposable>();
        var engine = new DynamoEngine(new LocalDynamoOptions { Region = options.Region, DataDirectory = options.DataDirectory });
        stack.Push(new Disposer(() =>
        {
            engine.TimeToLive.Stop();
            engine.Dispose();
            return ValueTask.CompletedTask;
        }));
        try
        {
            var app = TemplateMaterializer.Materialize(options.Template, engine, options.StackName);
            CheckCode(app, options.Code);
            engine.TimeToLive.Start();
            var iam = new IamEnforcer(app);
            LocalCloudHost? host = null;
            LambdaService? lambda = null;
            InvocationTracker? tracker = null;
            var gateway = await LocalGateway.StartAsync(new GatewayOptions
            {
                Engine = engine,
                Iam = iam,
                Port = options.Port,
                InvokeApi = (context, name) => host!.InvokeApiAsync(context, name),
                OnDenied = call => host?.Denied(call),
            }, cancellationToken).ConfigureAwait(false);
            stack.Push(gateway);

            var endpoint = Hosting.ClientEnvironment.EndpointUrl(gateway.Endpoint);
            lambda = new LambdaService(new LambdaServiceOptions
            {
                Functions = app.Functions,
                Code = options.Code,
                Region = app.Region,
                MaxConcurrencyPerFunction = options.MaxConcurrencyPerFunction,
                Python = options.Python,
                ExtraEnvironment = function => FunctionEnvironment(endpoint, iam.CredentialsFor(function)),
                Log = options.OnEvent is null ? null : line => options.OnEvent(new FunctionOutput(line)),
                Invoked = result => host?.InvokedThroughApi(result),
            });
            stack.Push(lambda);
            tracker = new InvocationTracker(lambda, (request, result) => host?.Invoked(request.Payload.ToArray(), result));

            var mappings = new EventSourceMappings(engine, app.EventSourceMappings, app.Functions, tracker, new EventSourceOptions
            {
                RetryDelay = options.RetryDelay ?? RetryPolicy.DefaultDelay,
                OnEvent = step => host?.Stepped(step),
            });
            stack.Push(mappings);

            host = new LocalCloudHost(engine, app, gateway, lambda, tracker, mappings,
                [.. app.NotRunLocally, .. iam.NotEvaluated, .. mappings.NotRunLocally], options.StackName, options.OnEvent);
            mappings.Start();
            return host;
        }
        catch
        {
            while (stack.Count > 0)
            {
                await stack.Pop().DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Invokes a function once, synchronously, and returns what it answered (a function error is a result, not an exception).</summary>
    public Task<InvocationResult> InvokeAsync(string functionName, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        InvokeAsync(functionName, payload, new InvocationTrigger("cli", null, 0), cancellationToken);

    /// <summary>Invokes a function once with the given trigger (<c>cli</c>, <c>test</c>, …).</summary>
    public Task<InvocationResult> InvokeAsync(string functionName, ReadOnlyMemory<byte> payload, InvocationTrigger trigger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        if (!App.Functions.Any(f => f.Name == functionName))
        {
            throw new ArgumentException(
                $"The app has no function named '{functionName}'. Its functions: {string.Join(", ", App.Functions.Select(f => f.Name))}.", nameof(functionName));
        }

        return tracker.InvokeAsync(new InvocationRequest(functionName, payload, trigger), cancellationToken);
    }

    /// <summary>
    /// Completes when every stream mapping has dealt with every record written so far, no invocation is in flight, and
    /// none started or finished while it checked (so records the handlers wrote are dealt with too). After
    /// <paramref name="timeout"/> it throws <see cref="TimeoutException"/> saying what it still waits for.
    /// </summary>
    public async Task WhenIdleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var before = tracker.Changes;
                await mappings.WhenIdleAsync(limit.Token).ConfigureAwait(false);
                await tracker.WhenNoneInFlightAsync(limit.Token).ConfigureAwait(false);
                if (tracker.Changes == before)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(IdleTimeoutMessage(timeout));
        }
    }

    /// <summary>Swaps new code in for every function built from <paramref name="codeKey"/>; running invocations finish on the old code.</summary>
    public async Task ReplaceCodeAsync(string codeKey, FunctionCode code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var functions = App.Functions.Where(f => f.CodeKey == codeKey).Select(f => f.Name).ToList();
        if (functions.Count == 0)
        {
            throw new ArgumentException($"No function of the app has the code key '{codeKey}'.", nameof(codeKey));
        }

        await lambda.ReplaceCodeAsync(codeKey, code, cancellationToken).ConfigureAwait(false);
        onEvent?.Invoke(new CodeReplaced(codeKey, code, functions));
    }

    /// <summary>Stops the mappings, the functions (every process), the endpoint and the engine, in that order.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await mappings.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            try
            {
                await lambda.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                try
                {
                    await gateway.DisposeAsync().ConfigureAwait(false);
                }
                finally
                {
                    engine.TimeToLive.Stop();
                    engine.Dispose();
                }
            }
        }
    }

    private static IReadOnlyDictionary<string, string> FunctionEnvironment(string endpoint, FunctionCredentials credentials) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS_ENDPOINT_URL_DYNAMODB"] = endpoint,
        ["AWS_ENDPOINT_URL_DYNAMODBSTREAMS"] = endpoint,
        ["AWS_ENDPOINT_URL_LAMBDA"] = endpoint,
        ["AWS_ACCESS_KEY_ID"] = credentials.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = credentials.SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = credentials.SessionToken,
    };

    private static void CheckCode(LocalApp app, IReadOnlyDictionary<string, FunctionCode> code)
    {
        var missing = app.Functions.Where(f => !code.ContainsKey(f.CodeKey)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"No local code for {string.Join(", ", missing.Select(f => $"function '{f.Name}' (code key {f.CodeKey})"))}. " +
                "Build the app's functions for this machine first (the CLI's dev and Stelvio.Testing's LocalCloud do).", nameof(code));
        }
    }

    private string IdleTimeoutMessage(TimeSpan timeout)
    {
        var waiting = mappings.States.Where(s => s.Enabled && (s.PendingRecords > 0 || s.Lanes.Any(l => l.Status != LaneStatus.Idle)))
            .Select(s => s.ToString())
            .Concat(tracker.InFlight.Select(f => $"function {f.Function}: invocation in flight since {f.Since:HH:mm:ss.fff}"))
            .ToList();
        return $"The local cloud was not idle after {timeout.TotalSeconds:0.###} s. " +
            (waiting.Count == 0
                ? "It kept working: invocations kept starting (a handler writing to the table it is subscribed to?)."
                : "Still waiting for: " + string.Join("; ", waiting) + ".");
    }

    private void Invoked(byte[] payload, InvocationResult result)
    {
        lock (gate)
        {
            invocations.Add(new HostedInvocation(payload, result));
        }

        onEvent?.Invoke(new InvocationFinished(result));
    }

    // Lambda's Invoke API, as in flight; its event is kept for the history, which the invocation's result joins (below).
    private Task InvokeApiAsync(HttpContext context, string functionName)
    {
        var payload = context.Request.Body is MemoryStream body ? body.ToArray() : [];
        var name = App.Functions.FirstOrDefault(f => f.Name == functionName || f.Arn == functionName)?.Name ?? functionName;
        lock (gate)
        {
            if (!apiEvents.TryGetValue(name, out var queue))
            {
                apiEvents[name] = queue = new Queue<byte[]>();
            }

            queue.Enqueue(payload);
        }

        return tracker.TrackAsync(name, () => lambda.HandleInvokeApiAsync(context, functionName));
    }

    // Results of every invocation: those of the Invoke API (the others are recorded by the tracker, with their request)
    // are paired with the oldest event sent to that function through the API.
    private void InvokedThroughApi(InvocationResult result)
    {
        if (result.Trigger.Kind != "invoke")
        {
            return;
        }

        byte[] payload;
        lock (gate)
        {
            payload = apiEvents.TryGetValue(result.FunctionName, out var queue) && queue.Count > 0 ? queue.Dequeue() : [];
        }

        Invoked(payload, result);
    }

    private void Denied(DeniedCall call)
    {
        lock (gate)
        {
            deniedCalls.Add(call);
        }

        onEvent?.Invoke(new CallDenied(call));
    }

    private void Stepped(MappingEvent step)
    {
        onEvent?.Invoke(new BatchStep(step));
        if (step.Kind == MappingEventKind.Discarded)
        {
            var failed = mappings.FailedBatches;
            List<FailedBatch> fresh;
            lock (gate)
            {
                fresh = [.. failed.Skip(reportedFailedBatches)];
                reportedFailedBatches = failed.Count;
            }

            foreach (var batch in fresh)
            {
                onEvent?.Invoke(new BatchDiscarded(batch));
            }
        }
    }

    private sealed class Disposer(Func<ValueTask> dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => dispose();
    }
}
