namespace Stelvio.Testing;

/// <summary>Thrown by <see cref="Template"/> assertions; the message lists every mismatch with its JSON path.</summary>
public sealed class TemplateAssertionException(string message) : Exception(message);
