namespace Stelvio.LocalCloud.Lambda.Sandboxes;

/// <summary>How a function's process is started, by its runtime.</summary>
internal enum RuntimeKind
{
    /// <summary><c>provided.*</c>: the code's own <c>bootstrap</c> executable.</summary>
    Bootstrap,

    /// <summary><c>python3.*</c>: the local Python with the runtime the local cloud ships.</summary>
    Python,
}

/// <summary>The runtime kinds the local cloud runs.</summary>
internal static class RuntimeKinds
{
    /// <summary>The kind for a Lambda runtime identifier, or null when the local cloud cannot run it.</summary>
    public static RuntimeKind? Of(string runtime) =>
        runtime.StartsWith("provided", StringComparison.Ordinal) ? RuntimeKind.Bootstrap
        : runtime.StartsWith("python3", StringComparison.Ordinal) ? RuntimeKind.Python
        : null;
}
