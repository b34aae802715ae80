namespace Stelvio.Lambda.Client;

/// <summary>The Runtime API answered a call with an error status; the function cannot go on.</summary>
public sealed class RuntimeApiException(string message) : Exception(message);
