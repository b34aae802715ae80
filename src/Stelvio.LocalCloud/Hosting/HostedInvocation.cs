using Stelvio.LocalCloud.Lambda;

namespace Stelvio.LocalCloud.Hosting;

/// <summary>A finished invocation with the event it was given.</summary>
/// <param name="Event">The event JSON (empty when the Invoke API sent no payload).</param>
/// <param name="Result">What it answered, its logs, duration and whether it was a cold start.</param>
internal sealed record HostedInvocation(byte[] Event, InvocationResult Result);
