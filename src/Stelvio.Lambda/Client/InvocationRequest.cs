namespace Stelvio.Lambda.Client;

/// <summary>One event from <c>GET /runtime/invocation/next</c>: the <c>Lambda-Runtime-*</c> headers and the body.</summary>
/// <param name="AwsRequestId"><c>Lambda-Runtime-Aws-Request-Id</c>.</param>
/// <param name="DeadlineMs"><c>Lambda-Runtime-Deadline-Ms</c>: when the invocation times out, in Unix milliseconds.</param>
/// <param name="InvokedFunctionArn"><c>Lambda-Runtime-Invoked-Function-Arn</c>.</param>
/// <param name="TraceId"><c>Lambda-Runtime-Trace-Id</c>, or null.</param>
/// <param name="Body">The event, as JSON bytes.</param>
internal sealed record InvocationRequest(string AwsRequestId, long DeadlineMs, string InvokedFunctionArn, string? TraceId, byte[] Body);
