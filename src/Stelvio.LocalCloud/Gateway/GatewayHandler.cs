using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Stelvio.DynamoDB.Local.Protocol;
using Stelvio.LocalCloud.Iam;
using Stelvio.LocalCloud.Iam.Requests;
using Stelvio.LocalCloud.Iam.Signing;

namespace Stelvio.LocalCloud.Gateway;

/// <summary>
/// Routes each request of the gateway: a GET is a health check; a POST to Lambda's Invoke path
/// (<c>/2015-03-31/functions/{FunctionName}/invocations</c>) goes to <see cref="GatewayOptions.InvokeApi"/>; any other POST
/// (<c>X-Amz-Target: DynamoDB_20120810.*</c> or <c>DynamoDBStreams_20120810.*</c>) to the engine's own HTTP handling.
/// The body is read once; a request signed with a function's key is verified (<see cref="SignatureVerifier"/>) and
/// authorized (<see cref="IamEnforcer.Authorize"/>) before it goes on.
/// </summary>
internal sealed class GatewayHandler(GatewayOptions options)
{
    private readonly HttpEndpoint _engine = new(options.Engine);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync($"healthy: Stelvio local cloud (DynamoDB, DynamoDB Streams, Lambda Invoke) in {options.Iam.App.Region}").ConfigureAwait(false);
            return;
        }
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.ToString();
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var functionName = LambdaAccess.FunctionNameOf(question < 0 ? rawTarget : rawTarget[..question]);
        var reader = request.BodyReader;
        var body = await ReadAllAsync(reader).ConfigureAwait(false);
        try
        {
            if (functionName is null)
            {
                await DynamoAsync(context, rawTarget, body).ConfigureAwait(false);
            }
            else
            {
                await InvokeAsync(context, rawTarget, functionName, body.ToArray()).ConfigureAwait(false);
            }
        }
        finally
        {
            reader.AdvanceTo(body.End);
        }
    }

    private async Task DynamoAsync(HttpContext context, string rawTarget, ReadOnlySequence<byte> body)
    {
        var request = context.Request;
        var outcome = Verify(request, "dynamodb", rawTarget, body.IsSingleSegment ? body.FirstSpan : body.ToArray());
        if (outcome.Error is { } error)
        {
            await GatewayErrors.WriteDynamoAsync(context.Response, error.Type, error.Message).ConfigureAwait(false);
            return;
        }
        if (outcome.Function is { } function)
        {
            var accesses = DynamoAccess.For(request.Headers["X-Amz-Target"].ToString(), body, options.Iam.App.Region, options.Iam.App.AccountId, PartitionKeyOf);
            if (Deny(function, accesses) is { } denial)
            {
                await GatewayErrors.WriteDynamoAsync(context.Response, "AccessDeniedException", denial.Message).ConfigureAwait(false);
                return;
            }
        }
        await _engine.HandleAsync(context, body).ConfigureAwait(false);
    }

    private async Task InvokeAsync(HttpContext context, string rawTarget, string functionName, byte[] body)
    {
        var request = context.Request;
        var outcome = Verify(request, "lambda", rawTarget, body);
        if (outcome.Error is { } error)
        {
            await GatewayErrors.WriteLambdaAsync(context.Response, StatusCodes.Status403Forbidden, error.Type, error.Message).ConfigureAwait(false);
            return;
        }
        if (outcome.Function is { } function)
        {
            var (_, access) = LambdaAccess.For(functionName, request.Query["Qualifier"].ToString(), options.Iam.App.Region, options.Iam.App.AccountId);
            if (Deny(function, [access]) is { } denial)
            {
                await GatewayErrors.WriteLambdaAsync(context.Response, StatusCodes.Status403Forbidden, "AccessDeniedException", denial.Message).ConfigureAwait(false);
                return;
            }
        }
        if (options.InvokeApi is null)
        {
            await GatewayErrors.WriteLambdaAsync(context.Response, StatusCodes.Status404NotFound, "UnknownOperationException", "Lambda Invoke is not served by this local endpoint.").ConfigureAwait(false);
            return;
        }
        request.Body = new MemoryStream(body, writable: false);
        await options.InvokeApi(context, functionName).ConfigureAwait(false);
    }

    private string? PartitionKeyOf(string table) => options.Engine.Catalog.Find(table)?.Definition.Key.HashName;

    private SignatureOutcome Verify(HttpRequest request, string service, string rawTarget, ReadOnlySpan<byte> payload) =>
        SignatureVerifier.Verify(options.Iam, service, request.Method, rawTarget, name => request.Headers[name], payload);

    private AccessDenial? Deny(FunctionIdentity function, IReadOnlyList<RequestedAccess> accesses)
    {
        var denial = options.Iam.Authorize(function, accesses);
        if (denial is not null)
        {
            options.OnDenied?.Invoke(new DeniedCall(options.Iam.Time.GetUtcNow(), function.Function.Name, denial.Action, denial.Resource, denial.Message));
        }
        return denial;
    }

    private static async Task<ReadOnlySequence<byte>> ReadAllAsync(PipeReader reader)
    {
        while (true)
        {
            var read = await reader.ReadAsync().ConfigureAwait(false);
            if (read.IsCompleted || read.IsCanceled)
            {
                return read.Buffer;
            }
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }
}
