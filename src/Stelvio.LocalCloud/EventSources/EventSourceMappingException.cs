namespace Stelvio.LocalCloud.EventSources;

/// <summary>A mapping the local cloud cannot run as declared: the message names the mapping, the property and the fix.</summary>
internal sealed class EventSourceMappingException(string message, Exception? inner = null) : Exception(message, inner);
