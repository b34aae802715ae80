namespace Stelvio.LocalCloud.EventSources;

/// <summary>
/// A filter pattern Lambda would reject (CreateEventSourceMapping answers <c>InvalidParameterValueException</c>,
/// "Invalid filter pattern definition."): the message says which rule is wrong and how to write it.
/// </summary>
internal sealed class FilterPatternException(string message) : Exception(message);
