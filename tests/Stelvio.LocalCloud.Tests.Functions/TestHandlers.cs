using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stelvio.Lambda.Context;

namespace Stelvio.LocalCloud.Tests.Functions;

/// <summary>Handlers that show what a function sees and how it can fail.</summary>
public static class TestHandlers
{
    /// <summary>Answers with the event and what the context and environment say.</summary>
    public static Task<JsonElement> Echo(JsonElement input, ILambdaContext context)
    {
        context.Logger.LogInformation("echo " + input.GetRawText());
        var answer = new JsonObject
        {
            ["event"] = JsonNode.Parse(input.GetRawText()),
            ["requestId"] = context.AwsRequestId,
            ["functionName"] = context.FunctionName,
            ["functionVersion"] = context.FunctionVersion,
            ["memory"] = context.MemoryLimitInMB,
            ["arn"] = context.InvokedFunctionArn,
            ["remainingMs"] = (long)context.RemainingTime.TotalMilliseconds,
            ["pid"] = Environment.ProcessId,
            ["region"] = Environment.GetEnvironmentVariable("AWS_REGION"),
            ["table"] = Environment.GetEnvironmentVariable("TABLE_NAME"),
        };
        return Task.FromResult(JsonDocument.Parse(answer.ToJsonString()).RootElement.Clone());
    }

    /// <summary>Throws.</summary>
    public static Task<JsonElement> Fail(JsonElement input, ILambdaContext context) =>
        throw new InvalidOperationException("Order " + input.GetProperty("id").GetString() + " is not valid.");

    /// <summary>Never answers.</summary>
    public static async Task<JsonElement> Hang(JsonElement input, ILambdaContext context)
    {
        Console.WriteLine("hanging in " + Environment.ProcessId);
        await Task.Delay(Timeout.Infinite);
        return input;
    }

    /// <summary>Ends the process in the middle of the invocation.</summary>
    public static Task<JsonElement> Crash(JsonElement input, ILambdaContext context)
    {
        Console.Error.WriteLine("crashing now");
        Console.Error.Flush();
        Process.GetCurrentProcess().Kill();
        return Task.FromResult(input);
    }
}
