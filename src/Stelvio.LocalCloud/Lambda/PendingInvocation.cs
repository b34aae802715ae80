using Stelvio.LocalCloud.Lambda.Sandboxes;

namespace Stelvio.LocalCloud.Lambda;

/// <summary>An invocation on its way through a sandbox: the event, when the runtime took it, and how it ended.</summary>
internal sealed class PendingInvocation(string requestId, ReadOnlyMemory<byte> payload, string functionArn, string traceId, TimeSpan timeout)
{
    private readonly TaskCompletionSource<DateTimeOffset> handedOver = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<RuntimeOutcome> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string RequestId { get; } = requestId;

    public ReadOnlyMemory<byte> Payload { get; } = payload;

    public string FunctionArn { get; } = functionArn;

    /// <summary>The X-Ray trace header Lambda passes in <c>Lambda-Runtime-Trace-Id</c>.</summary>
    public string TraceId { get; } = traceId;

    public TimeSpan Timeout { get; } = timeout;

    /// <summary>The deadline, Unix milliseconds (<c>Lambda-Runtime-Deadline-Ms</c>); set at hand-over.</summary>
    public long DeadlineMs { get; private set; }

    /// <summary>Completes when the runtime receives the event from <c>GET /next</c>, with that time.</summary>
    public Task<DateTimeOffset> HandedOver => handedOver.Task;

    /// <summary>Completes with what became of the invocation.</summary>
    public Task<RuntimeOutcome> Outcome => outcome.Task;

    public void MarkHandedOver(DateTimeOffset at)
    {
        DeadlineMs = (at + Timeout).ToUnixTimeMilliseconds();
        handedOver.TrySetResult(at);
    }

    /// <summary>Settles the invocation; false when it was already settled (the first outcome wins).</summary>
    public bool Complete(RuntimeOutcome result) => outcome.TrySetResult(result);
}
