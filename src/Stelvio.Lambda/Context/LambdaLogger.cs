using System.Globalization;

namespace Stelvio.Lambda.Context;

/// <summary>The logger of one invocation (or of init, with an empty request id).</summary>
internal sealed class LambdaLogger(string requestId, TextWriter stdout, TextWriter stderr, TimeProvider time) : ILambdaLogger
{
    public void LogInformation(string message) => Write(stdout, "INFO", message);

    public void LogWarning(string message) => Write(stderr, "WARN", message);

    public void LogError(string message, Exception? exception = null) =>
        Write(stderr, "ERROR", exception is null ? message : $"{message}{Environment.NewLine}{exception}");

    private void Write(TextWriter writer, string level, string message)
    {
        var stamp = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        // CloudWatch turns each line into an event; keep one message in one event.
        writer.WriteLine($"{stamp}\t{requestId}\t{level}\t{message.Replace("\n", "\r", StringComparison.Ordinal)}");
        writer.Flush();
    }
}
