using System.Globalization;
using System.Runtime.InteropServices;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Lambda.Sandboxes;

/// <summary>
/// The environment of a function's process, as Lambda sets it: the function's own variables, then Lambda's reserved
/// ones, then the host's extra variables (endpoints, the function's credentials). Nothing else of this machine's
/// environment is passed on (no <c>AWS_PROFILE</c>, <c>AWS_ACCESS_KEY_ID</c>, <c>DOTNET_*</c> test-host settings), except
/// <c>PATH</c> (so the function finds this machine's tools) and, for a framework-dependent C# bootstrap, <c>DOTNET_ROOT</c>.
/// </summary>
internal static class SandboxEnvironment
{
    public static Dictionary<string, string> Build(SandboxSpec spec, string runtimeApi, string logStreamName)
    {
        var function = spec.Function;
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in function.Environment)
        {
            env[name] = value;
        }

        env["AWS_REGION"] = spec.Region;
        env["AWS_DEFAULT_REGION"] = spec.Region;
        env["AWS_LAMBDA_FUNCTION_NAME"] = function.Name;
        env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemorySize.ToString(CultureInfo.InvariantCulture);
        env["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        env["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + function.Name;
        env["AWS_LAMBDA_LOG_STREAM_NAME"] = logStreamName;
        env["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        env["_HANDLER"] = function.Handler;
        env["LAMBDA_TASK_ROOT"] = spec.Code.Directory;
        env["LAMBDA_RUNTIME_DIR"] = spec.RuntimeDirectory;
        env["TZ"] = ":UTC";
        env["LANG"] = "en_US.UTF-8";
        env["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        if (spec.Kind == RuntimeKind.Python)
        {
            // OS-only runtimes (provided.*) have no AWS_EXECUTION_ENV in Lambda.
            env["AWS_EXECUTION_ENV"] = "AWS_Lambda_" + function.Runtime;
        }
        else
        {
            env["DOTNET_ROOT"] = DotnetRoot();
        }

        foreach (var (name, value) in spec.ExtraEnvironment)
        {
            env[name] = value;
        }

        return env;
    }

    /// <summary>A log stream name as Lambda makes one: <c>2026/12/02/[$LATEST]</c> and 32 hex digits.</summary>
    public static string LogStreamName(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) + "/[$LATEST]" + Guid.NewGuid().ToString("N");

    /// <summary>Where a framework-dependent apphost finds the .NET runtime: this process's own installation.</summary>
    private static string DotnetRoot() =>
        Environment.GetEnvironmentVariable("DOTNET_ROOT")
        ?? Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
}
