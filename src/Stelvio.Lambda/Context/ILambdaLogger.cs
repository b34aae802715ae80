namespace Stelvio.Lambda.Context;

/// <summary>
/// The function's log. Each message is one line <c>{UTC time}\t{request id}\t{level}\t{message}</c>;
/// information goes to stdout, warnings and errors to stderr. Lambda sends both to CloudWatch.
/// </summary>
public interface ILambdaLogger
{
    /// <summary>Logs at level <c>INFO</c>.</summary>
    void LogInformation(string message);

    /// <summary>Logs at level <c>WARN</c>.</summary>
    void LogWarning(string message);

    /// <summary>Logs at level <c>ERROR</c>, followed by the exception when one is given.</summary>
    void LogError(string message, Exception? exception = null);
}
