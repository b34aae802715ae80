namespace Stelvio.LocalCloud.Lambda;

/// <summary>One line a function's process wrote to stdout or stderr.</summary>
/// <param name="At">When the local cloud read it.</param>
/// <param name="FunctionName">The function.</param>
/// <param name="RequestId">The invocation it belongs to, or null for a line written between invocations.</param>
/// <param name="Line">The text, without its line break.</param>
internal sealed record FunctionLogLine(DateTimeOffset At, string FunctionName, string? RequestId, string Line);
