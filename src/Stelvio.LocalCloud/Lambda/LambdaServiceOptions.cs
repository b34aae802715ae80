using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Lambda;

/// <summary>What a <see cref="LambdaService"/> runs, and how.</summary>
internal sealed class LambdaServiceOptions
{
    /// <summary>The functions of the app.</summary>
    public required IReadOnlyList<LocalFunction> Functions { get; init; }

    /// <summary>Each function's unpacked code, by <see cref="LocalFunction.CodeKey"/>.</summary>
    public required IReadOnlyDictionary<string, FunctionCode> Code { get; init; }

    /// <summary>The region functions see in <c>AWS_REGION</c> and <c>AWS_DEFAULT_REGION</c>.</summary>
    public string Region { get; init; } = LocalAccount.DefaultRegion;

    /// <summary>
    /// Variables added to each function's environment last (the host's endpoints, <c>AWS_ENDPOINT_URL_*</c>, and the
    /// function's own credentials). Nothing else of this machine's <c>AWS_*</c> environment reaches a function.
    /// </summary>
    public Func<LocalFunction, IReadOnlyDictionary<string, string>>? ExtraEnvironment { get; init; }

    /// <summary>Concurrent invocations per function (Lambda's per-function concurrency); a function's <c>ReservedConcurrentExecutions</c> lowers it. More invocations wait.</summary>
    public int MaxConcurrencyPerFunction { get; init; } = 10;

    /// <summary>The Python interpreter that runs <c>python3.*</c> functions (a name on <c>PATH</c> or a path).</summary>
    public string Python { get; init; } = "python3";

    /// <summary>Each line a function process writes, as it writes it (for a live display).</summary>
    public Action<FunctionLogLine>? Log { get; init; }

    /// <summary>Each finished invocation, whoever asked for it (mappings, the Invoke API, <c>invoke</c>), for the invocation history.</summary>
    public Action<InvocationResult>? Invoked { get; init; }

    /// <summary>The clock of timestamps, durations and timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
