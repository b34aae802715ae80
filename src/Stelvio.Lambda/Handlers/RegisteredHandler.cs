using Stelvio.Lambda.Context;

namespace Stelvio.Lambda.Handlers;

/// <summary>Runs a handler on an event's JSON bytes and returns the response's JSON bytes (empty for none).</summary>
internal delegate Task<byte[]> InvokeHandler(byte[] body, ILambdaContext context);

/// <summary>A handler and the name <c>_HANDLER</c> selects it by.</summary>
internal sealed record RegisteredHandler(string Name, InvokeHandler Invoke);
