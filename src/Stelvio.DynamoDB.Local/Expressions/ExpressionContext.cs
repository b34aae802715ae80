using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>
/// The ExpressionAttributeNames and ExpressionAttributeValues of one request, shared by all its expressions.
/// Parsing marks what each expression uses; <see cref="ThrowIfUnused"/> then raises AWS's error for the rest.
/// </summary>
internal sealed class ExpressionContext
{
    private readonly IReadOnlyDictionary<string, string>? _names;
    private readonly IReadOnlyDictionary<string, AttributeValue>? _values;

    public ExpressionContext(IReadOnlyDictionary<string, string>? names, IReadOnlyDictionary<string, AttributeValue>? values)
    {
        _names = names;
        _values = values;
    }

    /// <summary>Raises AWS's ValidationException when a name or value was given but no expression used it.</summary>
    public void ThrowIfUnused() => throw new NotImplementedException();
}
