using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>A parsed ProjectionExpression (or legacy AttributesToGet).</summary>
internal sealed class Projection
{
    /// <summary>The projected document paths.</summary>
    public IReadOnlyList<DocumentPath> Paths { get; } = [];

    /// <summary>The distinct top-level attribute names the paths start at.</summary>
    public IReadOnlyCollection<string> TopLevelNames { get; } = [];

    /// <summary>The item reduced to the projected paths.</summary>
    public IReadOnlyDictionary<string, AttributeValue> Apply(IReadOnlyDictionary<string, AttributeValue> item) =>
        throw new NotImplementedException();
}
