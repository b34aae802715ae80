using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary><c>if_not_exists(path, operand)</c>: the path's value, or the operand's when the path has none.</summary>
internal sealed class IfNotExistsOperand(DocumentPath path, Operand fallback) : Operand
{
    public DocumentPath Path { get; } = path;

    public Operand Fallback { get; } = fallback;

    public override AttributeType? StaticType => Fallback.StaticType;

    public override AttributeValue? Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) =>
        Path.Resolve(item) ?? Fallback.Evaluate(item);

    public override AttributeValue EvaluateForUpdate(IReadOnlyDictionary<string, AttributeValue> item) =>
        Path.Resolve(item) ?? Fallback.EvaluateForUpdate(item);
}

/// <summary><c>list_append(a, b)</c>: the elements of list a, then those of list b.</summary>
internal sealed class ListAppendOperand(Operand first, Operand second) : Operand
{
    public Operand First { get; } = first;

    public Operand Second { get; } = second;

    public override AttributeType? StaticType => AttributeType.L;

    public override AttributeValue? Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) =>
        EvaluateForUpdate(item ?? AttributeValue.EmptyMap);

    public override AttributeValue EvaluateForUpdate(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var a = First.EvaluateForUpdate(item);
        var b = Second.EvaluateForUpdate(item);
        if (a.Type != AttributeType.L || b.Type != AttributeType.L)
        {
            throw UpdateErrors.IncorrectType();
        }
        var elements = new List<AttributeValue>(a.L.Count + b.L.Count);
        elements.AddRange(a.L);
        elements.AddRange(b.L);
        return AttributeValue.FromList(elements);
    }
}

/// <summary><c>a + b</c> or <c>a - b</c> of two numbers, exact.</summary>
internal sealed class ArithmeticOperand(Operand left, Operand right, bool subtract) : Operand
{
    public Operand Left { get; } = left;

    public Operand Right { get; } = right;

    public bool Subtract { get; } = subtract;

    public override AttributeType? StaticType => AttributeType.N;

    public override AttributeValue? Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) =>
        EvaluateForUpdate(item ?? AttributeValue.EmptyMap);

    public override AttributeValue EvaluateForUpdate(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var a = Left.EvaluateForUpdate(item);
        var b = Right.EvaluateForUpdate(item);
        if (a.Type != AttributeType.N || b.Type != AttributeType.N)
        {
            throw UpdateErrors.IncorrectType();
        }
        return AttributeValue.FromNumber(Subtract ? a.N - b.N : a.N + b.N);
    }
}
