using System.Security.Cryptography;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Lambda.Sandboxes;

/// <summary>
/// The execution environments of one function: warm ones are reused (the most recently used first), a new one is
/// started (a cold start) when none is free, and at most <see cref="Concurrency"/> invocations run at once; more wait.
/// </summary>
internal sealed class FunctionPool : IAsyncDisposable
{
    private readonly object gate = new();
    private readonly Stack<Sandbox> idle = new();
    private readonly HashSet<Sandbox> all = [];
    private readonly SemaphoreSlim slots;
    private readonly Func<LocalFunction, FunctionCode, int, CancellationToken, Task<SandboxSpec>> specify;
    private readonly TimeProvider time;
    private readonly Action<FunctionLogLine>? liveLog;
    private FunctionCode code;
    private int codeVersion;
    private bool disposed;

    public FunctionPool(
        LocalFunction function,
        FunctionCode code,
        int concurrency,
        Func<LocalFunction, FunctionCode, int, CancellationToken, Task<SandboxSpec>> specify,
        TimeProvider time,
        Action<FunctionLogLine>? liveLog)
    {
        Function = function;
        Concurrency = concurrency;
        this.code = code;
        this.specify = specify;
        this.time = time;
        this.liveLog = liveLog;
        slots = new SemaphoreSlim(concurrency, concurrency);
    }

    public LocalFunction Function { get; }

    /// <summary>How many invocations may run at once.</summary>
    public int Concurrency { get; }

    /// <summary>The processes it runs now (for tests and the display).</summary>
    public int ProcessCount
    {
        get
        {
            lock (gate)
            {
                return all.Count;
            }
        }
    }

    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var sandbox = TakeIdle();
            var cold = sandbox is null;
            sandbox ??= await StartAsync(cancellationToken).ConfigureAwait(false);
            var invocation = new PendingInvocation(Guid.NewGuid().ToString(), request.Payload, Function.Arn, TraceId(), Function.Timeout);
            InvocationResult result;
            try
            {
                result = await sandbox.InvokeAsync(invocation, request, cold, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The caller gave up: the sandbox stopped its process, since its state is unknown.
                await ReturnAsync(sandbox).ConfigureAwait(false);
                throw;
            }

            await ReturnAsync(sandbox).ConfigureAwait(false);
            return result;
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>New invocations run <paramref name="replacement"/>; idle processes of the old code stop now, busy ones after their invocation.</summary>
    public async Task ReplaceCodeAsync(FunctionCode replacement)
    {
        List<Sandbox> stale;
        lock (gate)
        {
            code = replacement;
            codeVersion++;
            stale = [.. idle];
            idle.Clear();
            foreach (var sandbox in stale)
            {
                all.Remove(sandbox);
            }
        }

        await Task.WhenAll(stale.Select(s => s.StopAsync())).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        List<Sandbox> running;
        lock (gate)
        {
            disposed = true;
            running = [.. all];
            all.Clear();
            idle.Clear();
        }

        await Task.WhenAll(running.Select(s => s.StopAsync())).ConfigureAwait(false);
    }

    private static string TraceId()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"Root=1-{now:x8}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))};Parent={Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))};Sampled=0";
    }

    private Sandbox? TakeIdle()
    {
        lock (gate)
        {
            while (idle.TryPop(out var sandbox))
            {
                if (sandbox.IsUsable && sandbox.Spec.CodeVersion == codeVersion)
                {
                    return sandbox;
                }

                all.Remove(sandbox);
                _ = sandbox.StopAsync();
            }

            return null;
        }
    }

    private async Task<Sandbox> StartAsync(CancellationToken cancellationToken)
    {
        FunctionCode current;
        int version;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            current = code;
            version = codeVersion;
        }

        var spec = await specify(Function, current, version, cancellationToken).ConfigureAwait(false);
        var sandbox = await Sandbox.StartAsync(spec, time, liveLog, cancellationToken).ConfigureAwait(false);
        bool keep;
        lock (gate)
        {
            keep = !disposed;
            if (keep)
            {
                all.Add(sandbox);
            }
        }

        if (!keep)
        {
            await sandbox.StopAsync().ConfigureAwait(false);
            throw new ObjectDisposedException(nameof(LambdaService));
        }

        return sandbox;
    }

    private async Task ReturnAsync(Sandbox sandbox)
    {
        lock (gate)
        {
            if (!disposed && sandbox.IsUsable && sandbox.Spec.CodeVersion == codeVersion)
            {
                idle.Push(sandbox);
                return;
            }

            all.Remove(sandbox);
        }

        await sandbox.StopAsync().ConfigureAwait(false);
    }
}
