namespace Stelvio.LocalCloud.Template;

/// <summary>
/// A template the local cloud cannot run: names the resource (logical ID), the property and what to do.
/// </summary>
internal sealed class LocalTemplateException : Exception
{
    public LocalTemplateException(string logicalId, string property, string problem)
        : base($"{logicalId}: {property}: {problem}")
    {
        LogicalId = logicalId;
        Property = property;
    }

    public LocalTemplateException(string logicalId, string property, string problem, Exception inner)
        : base($"{logicalId}: {property}: {problem}", inner)
    {
        LogicalId = logicalId;
        Property = property;
    }

    /// <summary>The logical ID of the resource (or the template section) the problem is in.</summary>
    public string LogicalId { get; }

    /// <summary>The property path within it, e.g. <c>Properties.Environment.Variables.TABLE</c>.</summary>
    public string Property { get; }
}
