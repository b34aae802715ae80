using Stelvio.LocalCloud.Lambda;

namespace Stelvio.LocalCloud.Hosting;

/// <summary>
/// Wraps the function invoker to know what is in flight (for <see cref="LocalCloudHost.WhenIdleAsync"/>): every
/// invocation of the local cloud goes through it, from the stream mappings, the host's <c>InvokeAsync</c> and (through
/// <see cref="TrackAsync"/>) the Lambda Invoke API; tells <paramref name="completed"/> of each request and its result.
/// </summary>
internal sealed class InvocationTracker(IFunctionInvoker inner, Action<InvocationRequest, InvocationResult> completed) : IFunctionInvoker
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, (string Function, DateTimeOffset Since)> inFlight = [];
    private readonly List<TaskCompletionSource> idleWaiters = [];
    private long next;
    private long changes;

    /// <summary>Counts every start and every end: unchanged over a span of time means nothing ran in it.</summary>
    public long Changes
    {
        get
        {
            lock (gate)
            {
                return changes;
            }
        }
    }

    public Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken) =>
        TrackAsync(request.FunctionName, async () =>
        {
            var result = await inner.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
            completed(request, result);
            return result;
        });

    /// <summary>Runs <paramref name="work"/> (an invocation of <paramref name="functionName"/>) as in flight.</summary>
    public async Task<T> TrackAsync<T>(string functionName, Func<Task<T>> work)
    {
        var id = Begin(functionName);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            End(id);
        }
    }

    /// <summary>Runs <paramref name="work"/> (an invocation of <paramref name="functionName"/>) as in flight.</summary>
    public async Task TrackAsync(string functionName, Func<Task> work)
    {
        var id = Begin(functionName);
        try
        {
            await work().ConfigureAwait(false);
        }
        finally
        {
            End(id);
        }
    }

    /// <summary>Completes when no invocation is in flight.</summary>
    public Task WhenNoneInFlightAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (inFlight.Count == 0)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            idleWaiters.Add(waiter);
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The invocations in flight, for a timeout message.</summary>
    public IReadOnlyList<(string Function, DateTimeOffset Since)> InFlight
    {
        get
        {
            lock (gate)
            {
                return [.. inFlight.Values];
            }
        }
    }

    private long Begin(string functionName)
    {
        lock (gate)
        {
            changes++;
            var id = ++next;
            inFlight[id] = (functionName, DateTimeOffset.UtcNow);
            return id;
        }
    }

    private void End(long id)
    {
        TaskCompletionSource[] release = [];
        lock (gate)
        {
            changes++;
            inFlight.Remove(id);
            if (inFlight.Count == 0)
            {
                release = [.. idleWaiters];
                idleWaiters.Clear();
            }
        }

        foreach (var waiter in release)
        {
            waiter.TrySetResult();
        }
    }
}
