using Stelvio.LocalCloud.Lambda;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Hosting;

/// <summary>What <see cref="LocalCloudHost"/> runs, and how.</summary>
internal sealed class LocalCloudHostOptions
{
    /// <summary>The synthesized template, the bytes <c>deploy</c> would send.</summary>
    public required byte[] Template { get; init; }

    /// <summary>The stack the template is for (<c>{app}-{stage}</c>): <c>AWS::StackName</c>, and the prefix of resource names.</summary>
    public required string StackName { get; init; }

    /// <summary>Each function's code built for this machine, by the template's <c>Code.S3Key</c>.</summary>
    public required IReadOnlyDictionary<string, FunctionCode> Code { get; init; }

    /// <summary>Where the tables are kept between runs; null keeps them in memory.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The endpoint's loopback port; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The local region (ARNs, <c>AWS_REGION</c>).</summary>
    public string Region { get; init; } = LocalAccount.DefaultRegion;

    /// <summary>Concurrent invocations per function (a function's reserved concurrency lowers it).</summary>
    public int MaxConcurrencyPerFunction { get; init; } = 10;

    /// <summary>The Python interpreter for <c>python3.*</c> functions.</summary>
    public string Python { get; init; } = "python3";

    /// <summary>How long a failed stream batch waits before retry N; null: Lambda-like back-off (tests pass zero).</summary>
    public Func<int, TimeSpan>? RetryDelay { get; init; }

    /// <summary>Told of each invocation, denied call, stream batch step, failed batch, output line and code swap (for the live display).</summary>
    public Action<LocalCloudEvent>? OnEvent { get; init; }
}
