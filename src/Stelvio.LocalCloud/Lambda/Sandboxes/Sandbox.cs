using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Stelvio.LocalCloud.Lambda.RuntimeApi;

namespace Stelvio.LocalCloud.Lambda.Sandboxes;

/// <summary>
/// One execution environment of a function: its process, the Runtime API that process alone talks to, and the state
/// Lambda keeps for it (started, running an event, answered, init failed). It runs one invocation at a time; the
/// <see cref="FunctionPool"/> decides which.
/// </summary>
internal sealed class Sandbox : IRuntimeApiHandler, IAsyncDisposable
{
    /// <summary>How long a process may take to ask for its first event before the invocation waiting for it times out, beyond the function's timeout (Lambda's init phase limit).</summary>
    public static readonly TimeSpan InitLimit = TimeSpan.FromSeconds(10);

    private const int MaxLinesBetweenInvocations = 1000;

    private readonly object gate = new();
    private readonly SandboxSpec spec;
    private readonly TimeProvider time;
    private readonly Action<FunctionLogLine>? liveLog;
    private readonly List<string> between = [];
    private readonly DateTimeOffset startedAt;
    private RuntimeApiServer? server;
    private Process? process;
    private OutputPipes? output;
    private Task exited = Task.CompletedTask;
    private State state = State.Started;
    private PendingInvocation? assigned;
    private PendingInvocation? running;
    private TaskCompletionSource<PendingInvocation?>? waiter;
    private RuntimeOutcome? initError;
    private RuntimeOutcome? exitOutcome;
    private InvocationLog? collecting;
    private int stopping;

    private Sandbox(SandboxSpec spec, TimeProvider time, Action<FunctionLogLine>? liveLog)
    {
        this.spec = spec;
        this.time = time;
        this.liveLog = liveLog;
        startedAt = time.GetUtcNow();
    }

    private enum State
    {
        Started,
        Ready,
        ResponseSent,
        InitError,
    }

    public SandboxSpec Spec => spec;

    /// <summary>From the process's start to its first <c>GET /next</c>, once it asked.</summary>
    public TimeSpan? InitDuration { get; private set; }

    /// <summary>Whether it can take another invocation (its process runs and its init did not fail).</summary>
    public bool IsUsable
    {
        get
        {
            lock (gate)
            {
                return exitOutcome is null && initError is null && stopping == 0;
            }
        }
    }

    /// <summary>Starts the Runtime API and the process. A process that cannot start is reported by the invocation, as Lambda does.</summary>
    public static async Task<Sandbox> StartAsync(SandboxSpec spec, TimeProvider time, Action<FunctionLogLine>? liveLog, CancellationToken cancellationToken)
    {
        var sandbox = new Sandbox(spec, time, liveLog);
        sandbox.server = await RuntimeApiServer.StartAsync(sandbox, cancellationToken).ConfigureAwait(false);
        sandbox.Launch();
        return sandbox;
    }

    /// <summary>Runs one invocation: hands the event to the runtime, waits for its answer within the function's timeout.</summary>
    public async Task<InvocationResult> InvokeAsync(PendingInvocation invocation, InvocationRequest request, bool cold, CancellationToken cancellationToken)
    {
        var log = new InvocationLog(invocation.RequestId);
        var assignedAt = time.GetUtcNow();
        lock (gate)
        {
            collecting = log;
            log.AddRange(between);
            between.Clear();
        }

        Assign(invocation);
        RuntimeOutcome outcome;
        DateTimeOffset? handedOverAt = null;
        try
        {
            var handOverLimit = invocation.Timeout + (cold ? InitLimit : TimeSpan.Zero);
            var first = await Task.WhenAny(invocation.HandedOver, invocation.Outcome)
                .WaitAsync(handOverLimit, time, cancellationToken).ConfigureAwait(false);
            if (first == invocation.HandedOver)
            {
                handedOverAt = invocation.HandedOver.Result;
                var remaining = handedOverAt.Value + invocation.Timeout - time.GetUtcNow();
                outcome = await invocation.Outcome.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                outcome = invocation.Outcome.Result;
            }
        }
        catch (TimeoutException)
        {
            outcome = invocation.Complete(new RuntimeOutcome(OutcomeKind.TimedOut, [])) ? new RuntimeOutcome(OutcomeKind.TimedOut, []) : invocation.Outcome.Result;
        }
        catch (OperationCanceledException)
        {
            await StopAsync().ConfigureAwait(false);
            throw;
        }

        var answeredAt = time.GetUtcNow();
        var maxMemory = PeakMemoryMb();
        if (outcome.Kind is OutcomeKind.TimedOut)
        {
            await StopAsync().ConfigureAwait(false);
        }

        if (outcome.Kind is OutcomeKind.Exited or OutcomeKind.TimedOut or OutcomeKind.InitError)
        {
            // The process is gone or going: read its output to the end, so the crash's last words are in the log.
            await WaitForOutputEndAsync().ConfigureAwait(false);
        }
        else
        {
            output?.Drain();
        }

        var (payload, error) = LambdaErrors.Settle(outcome, invocation.RequestId, invocation.Timeout);
        var duration = answeredAt - (handedOverAt ?? assignedAt);
        var platformLines = new List<string>();
        string? status = null;
        if (outcome.Kind is OutcomeKind.TimedOut)
        {
            platformLines.Add($"{answeredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)} {invocation.RequestId} {LambdaErrors.TimedOutMessage(invocation.Timeout)}");
            status = "timeout";
        }
        else if (outcome.Kind is OutcomeKind.Exited or OutcomeKind.StartFailed)
        {
            platformLines.Add(error!.ErrorMessage);
            platformLines.Add(error.ErrorType);
            status = "error";
        }

        string logs;
        lock (gate)
        {
            collecting = null;
            logs = log.Render(
                new InvocationReport(duration, spec.Function.MemorySize, maxMemory, cold ? InitDuration : null, status, status == "error" ? error!.ErrorType : null),
                platformLines);
        }

        return new InvocationResult(invocation.RequestId, spec.Function.Name, request.Trigger, payload, error, logs, assignedAt, duration, cold, cold ? InitDuration : null);
    }

    public Task<NextInvocation> NextAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<PendingInvocation?> wait;
        lock (gate)
        {
            if (state == State.InitError)
            {
                return Task.FromResult(new NextInvocation(null, RuntimeApiReply.InvalidStateTransition(Name(state), "Ready")));
            }

            if (state == State.Started && InitDuration is null)
            {
                InitDuration = time.GetUtcNow() - startedAt;
            }

            if (assigned is { } invocation)
            {
                assigned = null;
                HandOver(invocation);
                return Task.FromResult(new NextInvocation(invocation, null));
            }

            waiter = wait = new TaskCompletionSource<PendingInvocation?>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return WaitAsync(wait, cancellationToken);
    }

    public RuntimeApiReply Respond(string requestId, byte[] body) =>
        Answer(requestId, "InvocationResponse", body.Length > RuntimeApiReply.MaxPayloadSize
            ? new RuntimeOutcome(OutcomeKind.ResponseTooLarge, body)
            : new RuntimeOutcome(OutcomeKind.Response, body));

    public RuntimeApiReply ReportError(string requestId, string? errorType, byte[] body) =>
        Answer(requestId, "InvocationErrorResponse", new RuntimeOutcome(OutcomeKind.Error, body, errorType));

    public RuntimeApiReply ReportInitError(string? errorType, byte[] body)
    {
        PendingInvocation? invocation;
        RuntimeOutcome outcome;
        lock (gate)
        {
            if (state != State.Started)
            {
                return RuntimeApiReply.InvalidStateTransition(Name(state), "InitError");
            }

            state = State.InitError;
            initError = outcome = new RuntimeOutcome(OutcomeKind.InitError, body, errorType);
            invocation = assigned;
            assigned = null;
        }

        invocation?.Complete(outcome);
        return RuntimeApiReply.Accepted;
    }

    /// <summary>Kills the process and everything it started, waits until they are gone, and stops the Runtime API.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref stopping, 1) == 1)
        {
            await exited.ConfigureAwait(false);
            return;
        }

        lock (gate)
        {
            waiter?.TrySetResult(null);
            waiter = null;
        }

        if (process is not null)
        {
            await ProcessTree.KillAsync(process, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            await exited.ConfigureAwait(false);
        }

        await WaitForOutputEndAsync().ConfigureAwait(false);
        output?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }

        process?.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private static string Name(State state) => state switch
    {
        State.Started => "Started",
        State.Ready => "Ready",
        State.ResponseSent => "RuntimeResponseSentState",
        _ => "InitError",
    };

    private void Launch()
    {
        var startFailure = spec.Kind == RuntimeKind.Bootstrap && !File.Exists(spec.Executable)
            ? $"Couldn't find valid bootstrap(s): [{spec.Executable}]"
            : null;
        if (startFailure is null)
        {
            var info = new ProcessStartInfo(spec.Executable)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = spec.Code.Directory,
            };
            foreach (var argument in spec.Arguments)
            {
                info.ArgumentList.Add(argument);
            }

            info.Environment.Clear();
            foreach (var (name, value) in SandboxEnvironment.Build(spec, server!.Address, SandboxEnvironment.LogStreamName(startedAt)))
            {
                info.Environment[name] = value;
            }

            try
            {
                process = Process.Start(info) ?? throw new Win32Exception("Process.Start returned no process.");
                process.StandardInput.Close();
                output = new OutputPipes(process.StandardOutput.BaseStream, process.StandardError.BaseStream, OnLine);
                exited = WatchExitAsync(process);
                return;
            }
            catch (Win32Exception exception)
            {
                startFailure = $"Couldn't start {spec.Executable}: {exception.Message}";
            }
        }

        lock (gate)
        {
            exitOutcome = new RuntimeOutcome(OutcomeKind.StartFailed, [], Message: startFailure);
        }
    }

    private async Task WatchExitAsync(Process started)
    {
        await started.WaitForExitAsync().ConfigureAwait(false);
        var outcome = new RuntimeOutcome(OutcomeKind.Exited, [], ExitStatus: LambdaErrors.ExitStatus(started.ExitCode));
        PendingInvocation? invocation;
        lock (gate)
        {
            exitOutcome = outcome;
            invocation = running ?? assigned;
            running = assigned = null;
            waiter?.TrySetResult(null);
            waiter = null;
        }

        invocation?.Complete(outcome);
    }

    private void Assign(PendingInvocation invocation)
    {
        RuntimeOutcome? settled;
        TaskCompletionSource<PendingInvocation?>? handTo = null;
        lock (gate)
        {
            settled = initError ?? exitOutcome;
            if (settled is null)
            {
                if (waiter is not null)
                {
                    handTo = waiter;
                    waiter = null;
                    HandOver(invocation);
                }
                else
                {
                    assigned = invocation;
                }
            }
        }

        if (settled is not null)
        {
            invocation.Complete(settled);
        }

        handTo?.TrySetResult(invocation);
    }

    /// <summary>The runtime has the event now (called under the lock).</summary>
    private void HandOver(PendingInvocation invocation)
    {
        running = invocation;
        state = State.Ready;
        if (collecting?.RequestId == invocation.RequestId)
        {
            collecting.MarkStarted();
        }

        invocation.MarkHandedOver(time.GetUtcNow());
    }

    private async Task<NextInvocation> WaitAsync(TaskCompletionSource<PendingInvocation?> wait, CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(() => wait.TrySetCanceled(cancellationToken));
        var invocation = await wait.Task.ConfigureAwait(false);
        return invocation is null
            ? throw new OperationCanceledException("The sandbox is stopping.")
            : new NextInvocation(invocation, null);
    }

    private RuntimeApiReply Answer(string requestId, string transition, RuntimeOutcome outcome)
    {
        PendingInvocation invocation;
        lock (gate)
        {
            if (state != State.Ready || running is null)
            {
                return RuntimeApiReply.InvalidStateTransition(Name(state), transition);
            }

            if (!string.Equals(running.RequestId, requestId, StringComparison.Ordinal))
            {
                return RuntimeApiReply.InvalidRequestId;
            }

            invocation = running;
            running = null;
            state = State.ResponseSent;
        }

        invocation.Complete(outcome);
        return outcome.Kind == OutcomeKind.ResponseTooLarge ? RuntimeApiReply.TooLarge : RuntimeApiReply.Accepted;
    }

    private void OnLine(string line)
    {
        string? requestId = null;
        lock (gate)
        {
            if (collecting is { } log)
            {
                log.Add(line);
                requestId = log.Started ? log.RequestId : null;
            }
            else if (between.Count < MaxLinesBetweenInvocations)
            {
                between.Add(line);
            }
        }

        liveLog?.Invoke(new FunctionLogLine(time.GetUtcNow(), spec.Function.Name, requestId, line));
    }

    private async Task WaitForOutputEndAsync()
    {
        if (output is null)
        {
            return;
        }

        // A child that outlived the process may hold the pipes open; then the log has what was read so far.
        await Task.WhenAny(output.Ended, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
        output.Drain();
    }

    /// <summary>The process's peak resident memory (<c>VmHWM</c>), in MB, while it runs.</summary>
    private long? PeakMemoryMb()
    {
        try
        {
            if (process is null || process.HasExited)
            {
                return null;
            }

            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return (kb + 1023) / 1024;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or UnauthorizedAccessException or FormatException)
        {
            // Not on Linux, or the process just ended.
        }

        return null;
    }
}
