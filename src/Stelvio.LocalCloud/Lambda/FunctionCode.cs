namespace Stelvio.LocalCloud.Lambda;

/// <summary>
/// Where a function's code is on this machine: the unpacked deployment package, built for the host
/// (<c>bootstrap</c> at its root for <c>provided.*</c> runtimes, the Python sources for <c>python3.*</c>).
/// The local cloud looks it up by the function's <see cref="Template.LocalFunction.CodeKey"/>.
/// </summary>
/// <param name="Directory">The folder Lambda would call <c>LAMBDA_TASK_ROOT</c>.</param>
internal sealed record FunctionCode(string Directory);
