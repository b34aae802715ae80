using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Lambda.Sandboxes;

/// <summary>Everything needed to start one process of a function.</summary>
/// <param name="Function">The function.</param>
/// <param name="Code">Its code (the task root).</param>
/// <param name="CodeVersion">Which code replacement it runs (0 first, then one more for each <c>ReplaceCodeAsync</c>).</param>
/// <param name="Kind">How to start it.</param>
/// <param name="Executable">The program: the code's <c>bootstrap</c>, or the Python interpreter.</param>
/// <param name="Arguments">The program's arguments.</param>
/// <param name="RuntimeDirectory">The runtime's folder (<c>LAMBDA_RUNTIME_DIR</c>).</param>
/// <param name="Region">The local region.</param>
/// <param name="ExtraEnvironment">The host's variables for this function.</param>
internal sealed record SandboxSpec(
    LocalFunction Function,
    FunctionCode Code,
    int CodeVersion,
    RuntimeKind Kind,
    string Executable,
    IReadOnlyList<string> Arguments,
    string RuntimeDirectory,
    string Region,
    IReadOnlyDictionary<string, string> ExtraEnvironment);
