using Stelvio.Lambda.Client;

namespace Stelvio.Lambda.Context;

/// <summary>The context of one invocation.</summary>
internal sealed class LambdaContext(InvocationRequest request, FunctionSettings function, ILambdaLogger logger, TimeProvider time) : ILambdaContext
{
    public string AwsRequestId => request.AwsRequestId;

    public DateTimeOffset Deadline { get; } = DateTimeOffset.FromUnixTimeMilliseconds(request.DeadlineMs);

    public TimeSpan RemainingTime
    {
        get
        {
            var left = Deadline - time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public string InvokedFunctionArn => request.InvokedFunctionArn;

    public string FunctionName => function.FunctionName;

    public string FunctionVersion => function.FunctionVersion;

    public int MemoryLimitInMB => function.MemoryLimitInMB;

    public string LogGroupName => function.LogGroupName;

    public string LogStreamName => function.LogStreamName;

    public string? TraceId => request.TraceId;

    public ILambdaLogger Logger => logger;
}
