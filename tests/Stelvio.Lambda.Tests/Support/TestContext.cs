using Stelvio.Lambda.Context;

namespace Stelvio.Lambda.Tests.Support;

/// <summary>A context for calling a handler directly; the log lines are kept in <see cref="Lines"/> as "LEVEL message".</summary>
internal sealed class TestLambdaContext : ILambdaContext, ILambdaLogger
{
    public List<string> Lines { get; } = [];

    public string AwsRequestId => "req-test";

    public DateTimeOffset Deadline => DateTimeOffset.UtcNow.AddMinutes(1);

    public TimeSpan RemainingTime => TimeSpan.FromMinutes(1);

    public string InvokedFunctionArn => FakeRuntimeApi.DefaultArn;

    public string FunctionName => "shop-test-orders-process-orders";

    public string FunctionVersion => "$LATEST";

    public int MemoryLimitInMB => 128;

    public string LogGroupName => "";

    public string LogStreamName => "";

    public string? TraceId => null;

    public ILambdaLogger Logger => this;

    public void LogInformation(string message) => Lines.Add("INFO " + message);

    public void LogWarning(string message) => Lines.Add("WARN " + message);

    public void LogError(string message, Exception? exception = null) => Lines.Add("ERROR " + message);
}
