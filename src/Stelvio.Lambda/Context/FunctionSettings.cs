using System.Globalization;

namespace Stelvio.Lambda.Context;

/// <summary>The function-wide values Lambda sets as environment variables, read once at init.</summary>
internal sealed record FunctionSettings(string FunctionName, string FunctionVersion, int MemoryLimitInMB, string LogGroupName, string LogStreamName)
{
    public static FunctionSettings From(IEnvironmentVariables env) => new(
        env.Get("AWS_LAMBDA_FUNCTION_NAME") ?? "",
        env.Get("AWS_LAMBDA_FUNCTION_VERSION") ?? "$LATEST",
        int.TryParse(env.Get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.None, CultureInfo.InvariantCulture, out var mb) ? mb : 0,
        env.Get("AWS_LAMBDA_LOG_GROUP_NAME") ?? "",
        env.Get("AWS_LAMBDA_LOG_STREAM_NAME") ?? "");
}
