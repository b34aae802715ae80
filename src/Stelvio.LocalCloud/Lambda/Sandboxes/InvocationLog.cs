using System.Globalization;
using System.Text;

namespace Stelvio.LocalCloud.Lambda.Sandboxes;

/// <summary>
/// The log lines of one invocation, as Lambda writes them to its log stream: a cold start's init output, then
/// <c>START</c>, what the process wrote while it ran, <c>END</c> and <c>REPORT</c>.
/// </summary>
internal sealed class InvocationLog(string requestId)
{
    private readonly List<string> init = [];
    private readonly List<string> lines = [];
    private bool started;

    public string RequestId { get; } = requestId;

    /// <summary>Whether the runtime has the event (lines from now on are the invocation's, before they were init's).</summary>
    public bool Started => started;

    public void Add(string line) => (started ? lines : init).Add(line);

    public void AddRange(IEnumerable<string> earlier) => init.AddRange(earlier);

    public void MarkStarted() => started = true;

    /// <summary>The whole log, one line each, <c>REPORT</c> last.</summary>
    /// <param name="report">The figures of the <c>REPORT</c> line.</param>
    /// <param name="platformLines">Lines Lambda itself adds before <c>END</c> (a timeout's or a crash's).</param>
    public string Render(InvocationReport report, IReadOnlyList<string> platformLines)
    {
        var text = new StringBuilder();
        foreach (var line in init)
        {
            text.Append(line).Append('\n');
        }

        text.Append("START RequestId: ").Append(RequestId).Append(" Version: $LATEST\n");
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        foreach (var line in platformLines)
        {
            text.Append(line).Append('\n');
        }

        text.Append("END RequestId: ").Append(RequestId).Append('\n');
        text.Append(report.Line(RequestId)).Append('\n');
        return text.ToString();
    }
}

/// <summary>The figures of Lambda's <c>REPORT</c> line.</summary>
/// <param name="Duration">From hand-over to the answer.</param>
/// <param name="MemorySize">The configured memory (MB).</param>
/// <param name="MaxMemoryUsedMb">The process's peak resident memory (MB), when known.</param>
/// <param name="InitDuration">A cold start's init time.</param>
/// <param name="Status">Lambda's status for a failed environment (<c>timeout</c>, <c>error</c>), else null.</param>
/// <param name="ErrorType">With <paramref name="Status"/> <c>error</c>: the error type.</param>
internal sealed record InvocationReport(TimeSpan Duration, int MemorySize, long? MaxMemoryUsedMb, TimeSpan? InitDuration, string? Status, string? ErrorType)
{
    public string Line(string requestId)
    {
        var ms = Duration.TotalMilliseconds;
        var line = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"REPORT RequestId: {requestId}\tDuration: {ms:0.00} ms\tBilled Duration: {Math.Max(1, (long)Math.Ceiling(ms))} ms")
            .Append(CultureInfo.InvariantCulture, $"\tMemory Size: {MemorySize} MB");
        if (MaxMemoryUsedMb is { } used)
        {
            line.Append(CultureInfo.InvariantCulture, $"\tMax Memory Used: {used} MB");
        }

        if (InitDuration is { } init)
        {
            line.Append(CultureInfo.InvariantCulture, $"\tInit Duration: {init.TotalMilliseconds:0.00} ms");
        }

        if (Status is not null)
        {
            line.Append("\tStatus: ").Append(Status);
            if (ErrorType is not null)
            {
                line.Append("\tError Type: ").Append(ErrorType);
            }
        }

        return line.ToString();
    }
}
