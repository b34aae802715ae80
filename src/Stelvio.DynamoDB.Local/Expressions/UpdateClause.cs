using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>One action of an update: what it does to the value at its path.</summary>
internal abstract class UpdateClause(DocumentPath path)
{
    public DocumentPath Path { get; } = path;
}

/// <summary><c>SET path = value</c> (or a legacy PUT).</summary>
internal sealed class SetClause(DocumentPath path, Operand value) : UpdateClause(path)
{
    public Operand Value { get; } = value;
}

/// <summary><c>REMOVE path</c> (or a legacy DELETE without a value).</summary>
internal sealed class RemoveClause(DocumentPath path) : UpdateClause(path);

/// <summary>
/// <c>ADD path :value</c>: a number added to the number there, set members added to the set there, or the
/// value itself where there is none. The legacy AttributeUpdates ADD also appends lists.
/// </summary>
internal sealed class AddClause(DocumentPath path, AttributeValue value, bool legacy = false) : UpdateClause(path)
{
    public AttributeValue Value { get; } = value;

    public bool Legacy { get; } = legacy;
}

/// <summary><c>DELETE path :set</c>: members removed from the set there; an emptied set is removed.</summary>
internal sealed class DeleteClause(DocumentPath path, AttributeValue value, bool legacy = false) : UpdateClause(path)
{
    public AttributeValue Value { get; } = value;

    public bool Legacy { get; } = legacy;
}
