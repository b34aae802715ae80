namespace Stelvio.Deploy;

/// <summary>
/// A problem a deploy command reports as one line that says what went wrong and what to do: missing
/// credentials, an unknown profile, an expired session, an unreachable endpoint, a refused request.
/// The CLI prints <see cref="Exception.Message"/> without a stack trace.
/// </summary>
internal sealed class DeployException : Exception
{
    public DeployException(string message)
        : base(message)
    {
    }

    public DeployException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
