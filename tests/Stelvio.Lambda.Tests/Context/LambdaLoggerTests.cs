using Stelvio.Lambda.Context;
using Stelvio.Lambda.Tests.Support;

namespace Stelvio.Lambda.Tests.Context;

public class LambdaLoggerTests
{
    private static readonly DateTimeOffset Now = new(2024, 11, 26, 10, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public void LogInformation_WritesOneTaggedLineToStdout()
    {
        var (stdout, stderr, logger) = Create();

        logger.LogInformation("New order");

        Assert.Equal("2024-11-26T10:30:15.123Z\treq-1\tINFO\tNew order" + Environment.NewLine, stdout.ToString());
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public void LogWarningAndError_GoToStderr()
    {
        var (stdout, stderr, logger) = Create();

        logger.LogWarning("careful");
        logger.LogError("failed");

        Assert.Equal("", stdout.ToString());
        Assert.Equal($"2024-11-26T10:30:15.123Z\treq-1\tWARN\tcareful{Environment.NewLine}2024-11-26T10:30:15.123Z\treq-1\tERROR\tfailed{Environment.NewLine}", stderr.ToString());
    }

    [Fact]
    public void MultiLineMessage_StaysOneLineSoCloudWatchKeepsItInOneEvent()
    {
        var (stdout, _, logger) = Create();

        logger.LogInformation("first\nsecond");

        Assert.Equal("2024-11-26T10:30:15.123Z\treq-1\tINFO\tfirst\rsecond" + Environment.NewLine, stdout.ToString());
    }

    [Fact]
    public void LogError_WithException_IncludesTypeAndMessage()
    {
        var (_, stderr, logger) = Create();

        logger.LogError("failed", new InvalidOperationException("boom"));

        Assert.StartsWith("2024-11-26T10:30:15.123Z\treq-1\tERROR\tfailed\rSystem.InvalidOperationException: boom", stderr.ToString());
    }

    private static (StringWriter Stdout, StringWriter Stderr, LambdaLogger Logger) Create()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        return (stdout, stderr, new LambdaLogger("req-1", stdout, stderr, new FixedTime(Now)));
    }
}
