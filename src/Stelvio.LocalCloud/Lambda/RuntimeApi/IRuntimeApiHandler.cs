namespace Stelvio.LocalCloud.Lambda.RuntimeApi;

/// <summary>What one sandbox answers to the Runtime API calls of its process.</summary>
internal interface IRuntimeApiHandler
{
    /// <summary><c>GET /runtime/invocation/next</c>: waits for the next event, or refuses the call.</summary>
    Task<NextInvocation> NextAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/invocation/{id}/response</c>.</summary>
    RuntimeApiReply Respond(string requestId, byte[] body);

    /// <summary><c>POST /runtime/invocation/{id}/error</c>.</summary>
    RuntimeApiReply ReportError(string requestId, string? errorType, byte[] body);

    /// <summary><c>POST /runtime/init/error</c>.</summary>
    RuntimeApiReply ReportInitError(string? errorType, byte[] body);
}

/// <summary>The answer to <c>GET /next</c>: an event and its headers, or a refusal.</summary>
internal sealed record NextInvocation(PendingInvocation? Invocation, RuntimeApiReply? Refusal);
