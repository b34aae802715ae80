using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Stelvio.LocalCloud.Lambda.RuntimeApi;

namespace Stelvio.LocalCloud.Lambda.InvokeApi;

/// <summary>
/// Lambda's <c>Invoke</c> REST API (<c>POST /2015-03-31/functions/{FunctionName}/invocations</c>):
/// <c>RequestResponse</c> (200, the function's answer, <c>X-Amz-Function-Error</c> when it failed, the log tail on
/// <c>X-Amz-Log-Type: Tail</c>), <c>Event</c> (202, run in the background) and <c>DryRun</c> (204), with Lambda's
/// errors for an unknown function and for payloads over its limits.
/// </summary>
internal static class InvokeApiHandler
{
    /// <summary>The largest <c>Event</c> payload: 1 MB.</summary>
    public const int MaxEventPayload = 1024 * 1024;

    /// <summary>The log tail <c>X-Amz-Log-Result</c> carries: the last 4 KB.</summary>
    public const int LogTailBytes = 4 * 1024;

    public static async Task HandleAsync(LambdaService service, HttpContext context, string functionName)
    {
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        var target = FunctionTarget.Parse(functionName, context.Request.Query["Qualifier"].ToString());
        if (target.Name is null || !service.Functions.TryGetValue(target.Name, out var function) || target.Qualifier is not (null or "$LATEST"))
        {
            var arn = target.Name is not null && service.Functions.TryGetValue(target.Name, out var known)
                ? known.Arn
                : $"arn:aws:lambda:{service.Region}:{Template.LocalAccount.Id}:function:{target.Name ?? functionName}";
            await ErrorAsync(context, 404, "ResourceNotFoundException", $"Function not found: {arn}{(target.Qualifier is null ? "" : ":" + target.Qualifier)}").ConfigureAwait(false);
            return;
        }

        var invocationType = context.Request.Headers["X-Amz-Invocation-Type"].ToString();
        if (invocationType.Length == 0)
        {
            invocationType = "RequestResponse";
        }

        if (invocationType is not ("RequestResponse" or "Event" or "DryRun"))
        {
            await ErrorAsync(context, 400, "InvalidParameterValueException", $"Unsupported invocation type {invocationType}").ConfigureAwait(false);
            return;
        }

        var payload = await ReadAsync(context.Request, RuntimeApiReply.MaxPayloadSize + 1).ConfigureAwait(false);
        if (payload.Length > RuntimeApiReply.MaxPayloadSize)
        {
            await ErrorAsync(context, 413, "RequestEntityTooLargeException", $"Request must be smaller than {RuntimeApiReply.MaxPayloadSize} bytes for the InvokeFunction operation").ConfigureAwait(false);
            return;
        }

        if (invocationType == "Event" && payload.Length > MaxEventPayload)
        {
            await ErrorAsync(context, 413, "RequestEntityTooLargeException", $"{payload.Length} byte payload is too large for the Event invocation type (limit {MaxEventPayload} bytes)").ConfigureAwait(false);
            return;
        }

        if (payload.Length > 0 && !IsJson(payload))
        {
            await ErrorAsync(context, 400, "InvalidRequestContentException", "Could not parse request body into json: Could not parse payload into json").ConfigureAwait(false);
            return;
        }

        var request = new InvocationRequest(function.Name, payload.Length == 0 ? "{}"u8.ToArray() : payload, new InvocationTrigger("invoke", null, 0));
        switch (invocationType)
        {
            case "DryRun":
                context.Response.StatusCode = 204;
                return;
            case "Event":
                service.InvokeInBackground(request);
                context.Response.StatusCode = 202;
                return;
        }

        var result = await service.InvokeAsync(request, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.Headers["X-Amz-Executed-Version"] = "$LATEST";
        if (result.Error is not null)
        {
            context.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
        }

        if (string.Equals(context.Request.Headers["X-Amz-Log-Type"].ToString(), "Tail", StringComparison.Ordinal))
        {
            context.Response.Headers["X-Amz-Log-Result"] = Convert.ToBase64String(Tail(result.Logs));
        }

        await context.Response.Body.WriteAsync(result.Payload, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The last 4 KB of the log, as UTF-8.</summary>
    internal static byte[] Tail(string logs)
    {
        var bytes = Encoding.UTF8.GetBytes(logs);
        return bytes.Length <= LogTailBytes ? bytes : bytes[^LogTailBytes..];
    }

    private static bool IsJson(byte[] payload)
    {
        try
        {
            JsonNode.Parse(payload);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request, int limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk).ConfigureAwait(false)) > 0 && buffer.Length < limit)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Lambda's error reply: the status, <c>x-amzn-ErrorType</c>, and <c>{"Type":"User","Message":…}</c>.</summary>
    private static Task ErrorAsync(HttpContext context, int status, string errorType, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-amzn-ErrorType"] = errorType;
        var body = new JsonObject { ["Type"] = "User", ["Message"] = message };
        return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body.ToJsonString(LambdaJson.Options))).AsTask();
    }
}
