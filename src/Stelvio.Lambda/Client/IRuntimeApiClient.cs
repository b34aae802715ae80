namespace Stelvio.Lambda.Client;

/// <summary>
/// The Lambda Runtime API (version 2018-06-01), one method per verb. See
/// https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html.
/// </summary>
internal interface IRuntimeApiClient
{
    /// <summary><c>GET /runtime/invocation/next</c>: waits for the next event.</summary>
    Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/invocation/{id}/response</c>: the handler's result.</summary>
    Task SendResponseAsync(string awsRequestId, byte[] body, CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/invocation/{id}/error</c>: the handler failed.</summary>
    Task ReportInvocationErrorAsync(string awsRequestId, ErrorResponse error, CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/init/error</c>: the function could not start.</summary>
    Task ReportInitializationErrorAsync(ErrorResponse error, CancellationToken cancellationToken);
}
