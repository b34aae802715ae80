namespace Stelvio.Lambda.Context;

/// <summary>What a handler knows about the invocation it is serving and the function it runs in.</summary>
public interface ILambdaContext
{
    /// <summary>The invocation's request id (<c>Lambda-Runtime-Aws-Request-Id</c>).</summary>
    string AwsRequestId { get; }

    /// <summary>When the invocation times out (<c>Lambda-Runtime-Deadline-Ms</c>).</summary>
    DateTimeOffset Deadline { get; }

    /// <summary>The time left until <see cref="Deadline"/>; zero once it has passed.</summary>
    TimeSpan RemainingTime { get; }

    /// <summary>The ARN the caller invoked, with a version or alias qualifier when one was used.</summary>
    string InvokedFunctionArn { get; }

    /// <summary>The function's name (<c>AWS_LAMBDA_FUNCTION_NAME</c>).</summary>
    string FunctionName { get; }

    /// <summary>The function's version (<c>AWS_LAMBDA_FUNCTION_VERSION</c>), <c>$LATEST</c> when unpublished.</summary>
    string FunctionVersion { get; }

    /// <summary>The memory configured for the function, in MB (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>).</summary>
    int MemoryLimitInMB { get; }

    /// <summary>The CloudWatch log group (<c>AWS_LAMBDA_LOG_GROUP_NAME</c>).</summary>
    string LogGroupName { get; }

    /// <summary>The CloudWatch log stream (<c>AWS_LAMBDA_LOG_STREAM_NAME</c>).</summary>
    string LogStreamName { get; }

    /// <summary>The X-Ray trace header of the invocation (<c>Lambda-Runtime-Trace-Id</c>), or null.</summary>
    string? TraceId { get; }

    /// <summary>Writes lines tagged with this invocation's request id to the function's log.</summary>
    ILambdaLogger Logger { get; }
}
