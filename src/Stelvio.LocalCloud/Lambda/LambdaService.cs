using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Stelvio.LocalCloud.Lambda.InvokeApi;
using Stelvio.LocalCloud.Lambda.Python;
using Stelvio.LocalCloud.Lambda.Sandboxes;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Lambda;

/// <summary>
/// Runs the app's functions on this machine as Lambda runs them: each invocation goes to a process of the function
/// (its <c>bootstrap</c> for <c>provided.*</c> runtimes, this machine's Python with the shipped bootstrap for
/// <c>python3.*</c>) through a Lambda Runtime API of its own, with Lambda's environment variables. Warm processes
/// are reused, cold starts timed, at most <see cref="LambdaServiceOptions.MaxConcurrencyPerFunction"/> invocations
/// of a function run at once, the timeout is enforced (the process is killed and replaced), a crashed process is
/// reported and replaced. The memory size is passed on (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>, the context) but not
/// enforced: a function may use more memory locally than it would be allowed in AWS.
/// </summary>
internal sealed class LambdaService : IFunctionInvoker, IAsyncDisposable
{
    private readonly LambdaServiceOptions options;
    private readonly Dictionary<string, FunctionPool> pools = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FunctionCode> code;
    private readonly ConcurrentDictionary<Task, byte> background = new();
    private readonly CancellationTokenSource stopping = new();
    private int disposed;

    public LambdaService(LambdaServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrencyPerFunction, 1);
        this.options = options;
        code = new ConcurrentDictionary<string, FunctionCode>(options.Code, StringComparer.Ordinal);
        Functions = options.Functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The functions, by name.</summary>
    public IReadOnlyDictionary<string, LocalFunction> Functions { get; }

    /// <summary>The local region.</summary>
    public string Region => options.Region;

    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var pool = Pool(request.FunctionName);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping.Token);
        var result = await pool.InvokeAsync(request, linked.Token).ConfigureAwait(false);
        options.Invoked?.Invoke(result);
        return result;
    }

    /// <summary>New invocations of every function with <paramref name="codeKey"/> run <paramref name="replacement"/>; warm processes of the old code stop after their current invocation.</summary>
    public async Task ReplaceCodeAsync(string codeKey, FunctionCode replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        code[codeKey] = replacement;
        List<FunctionPool> affected;
        lock (pools)
        {
            affected = [.. pools.Values.Where(p => p.Function.CodeKey == codeKey)];
        }

        await Task.WhenAll(affected.Select(p => p.ReplaceCodeAsync(replacement))).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lambda's Invoke REST API, <c>POST /2015-03-31/functions/{FunctionName}/invocations</c> (after the gateway authorized it).</summary>
    public Task HandleInvokeApiAsync(HttpContext context, string functionName) => InvokeApiHandler.HandleAsync(this, context, functionName);

    /// <summary>The processes a function runs now.</summary>
    internal int ProcessCount(string functionName)
    {
        lock (pools)
        {
            return pools.TryGetValue(functionName, out var pool) ? pool.ProcessCount : 0;
        }
    }

    /// <summary>Runs an <c>Event</c> invocation in the background; <see cref="DisposeAsync"/> waits for (or stops) it.</summary>
    internal void InvokeInBackground(InvocationRequest request)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await InvokeAsync(request, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Stopped with the local cloud.
            }
            catch (ObjectDisposedException)
            {
                // Stopped with the local cloud.
            }
        });
        background.TryAdd(task, 0);
        task.ContinueWith(t => background.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Stops every process it started (and their children), waiting until they are gone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        List<FunctionPool> all;
        lock (pools)
        {
            all = [.. pools.Values];
        }

        await Task.WhenAll(all.Select(p => p.DisposeAsync().AsTask())).ConfigureAwait(false);
        await Task.WhenAll(background.Keys).ConfigureAwait(false);
        stopping.Dispose();
    }

    private FunctionPool Pool(string functionName)
    {
        lock (pools)
        {
            if (pools.TryGetValue(functionName, out var pool))
            {
                return pool;
            }

            if (!Functions.TryGetValue(functionName, out var function))
            {
                throw new KeyNotFoundException($"The local cloud has no function named '{functionName}'. Functions: {string.Join(", ", Functions.Keys)}.");
            }

            if (RuntimeKinds.Of(function.Runtime) is null)
            {
                throw new NotSupportedException(
                    $"Function '{function.Name}' ({function.LogicalId}) has runtime {function.Runtime}, which the local cloud does not run: it runs provided.* and python3.* functions.");
            }

            if (!code.TryGetValue(function.CodeKey, out var functionCode))
            {
                throw new InvalidOperationException($"Function '{function.Name}' ({function.LogicalId}) has no local code for its code key '{function.CodeKey}'. Build the app's functions for the local cloud first.");
            }

            var concurrency = Math.Min(options.MaxConcurrencyPerFunction, function.ReservedConcurrency is > 0 and var reserved ? reserved : int.MaxValue);
            pool = new FunctionPool(function, functionCode, concurrency, SpecifyAsync, options.TimeProvider, options.Log);
            pools[functionName] = pool;
            return pool;
        }
    }

    private async Task<SandboxSpec> SpecifyAsync(LocalFunction function, FunctionCode functionCode, int version, CancellationToken cancellationToken)
    {
        var extra = options.ExtraEnvironment?.Invoke(function) ?? new Dictionary<string, string>();
        if (RuntimeKinds.Of(function.Runtime) == RuntimeKind.Python)
        {
            var (interpreter, directory) = await PythonRuntime.ResolveAsync(options.Python).WaitAsync(cancellationToken).ConfigureAwait(false);
            return new SandboxSpec(function, functionCode, version, RuntimeKind.Python, interpreter, ["-u", Path.Combine(directory, "bootstrap.py")], directory, options.Region, extra);
        }

        return new SandboxSpec(function, functionCode, version, RuntimeKind.Bootstrap, Path.Combine(functionCode.Directory, "bootstrap"), [], functionCode.Directory, options.Region, extra);
    }
}
