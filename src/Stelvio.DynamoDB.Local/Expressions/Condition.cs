using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>A parsed condition (ConditionExpression, FilterExpression, Expected, QueryFilter/ScanFilter).</summary>
internal abstract class Condition
{
    /// <summary>Whether the item (null when there is none) satisfies the condition.</summary>
    public abstract bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item);
}

internal sealed class AndCondition(Condition left, Condition right) : Condition
{
    public Condition Left { get; } = left;

    public Condition Right { get; } = right;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) => Left.Evaluate(item) && Right.Evaluate(item);
}

internal sealed class OrCondition(Condition left, Condition right) : Condition
{
    public Condition Left { get; } = left;

    public Condition Right { get; } = right;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) => Left.Evaluate(item) || Right.Evaluate(item);
}

internal sealed class NotCondition(Condition inner) : Condition
{
    public Condition Inner { get; } = inner;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) => !Inner.Evaluate(item);
}

/// <summary>A condition that is always the same (an empty legacy filter).</summary>
internal sealed class ConstantCondition(bool value) : Condition
{
    public static ConstantCondition True { get; } = new(true);

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) => value;
}

internal enum Comparator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>
/// <c>a = b</c>, <c>a &lt;&gt; b</c>, <c>a &lt; b</c>…: equality across all types (a missing operand equals
/// nothing and differs from everything); order only between two S, two N or two B values, false otherwise.
/// </summary>
internal sealed class ComparisonCondition(Comparator comparator, Operand left, Operand right) : Condition
{
    public Comparator Comparator { get; } = comparator;

    public Operand Left { get; } = left;

    public Operand Right { get; } = right;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item)
    {
        var a = Left.Evaluate(item);
        var b = Right.Evaluate(item);
        if (Comparator == Comparator.Equal)
        {
            return a is not null && b is not null && a.Equals(b);
        }
        if (Comparator == Comparator.NotEqual)
        {
            return a is null || b is null || !a.Equals(b);
        }
        if (a is null || b is null || ValueOperations.CompareScalars(a, b) is not { } order)
        {
            return false;
        }
        return Comparator switch
        {
            Comparator.Less => order < 0,
            Comparator.LessOrEqual => order <= 0,
            Comparator.Greater => order > 0,
            _ => order >= 0,
        };
    }
}

/// <summary><c>a BETWEEN low AND high</c>: all three the same scalar type and low ≤ a ≤ high.</summary>
internal sealed class BetweenCondition(Operand operand, Operand low, Operand high) : Condition
{
    public Operand Operand { get; } = operand;

    public Operand Low { get; } = low;

    public Operand High { get; } = high;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item)
    {
        var value = Operand.Evaluate(item);
        var low = Low.Evaluate(item);
        var high = High.Evaluate(item);
        return value is not null && low is not null && high is not null
            && ValueOperations.CompareScalars(low, value) is <= 0
            && ValueOperations.CompareScalars(value, high) is <= 0;
    }
}

/// <summary><c>a IN (b, c, …)</c>: a equals one of the candidates.</summary>
internal sealed class InCondition(Operand operand, IReadOnlyList<Operand> candidates) : Condition
{
    public Operand Operand { get; } = operand;

    public IReadOnlyList<Operand> Candidates { get; } = candidates;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item)
    {
        var value = Operand.Evaluate(item);
        if (value is null)
        {
            return false;
        }
        for (var i = 0; i < Candidates.Count; i++)
        {
            if (Candidates[i].Evaluate(item) is { } candidate && value.Equals(candidate))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary><c>attribute_exists(path)</c> or <c>attribute_not_exists(path)</c>.</summary>
internal sealed class ExistsCondition(DocumentPath path, bool exists) : Condition
{
    public DocumentPath Path { get; } = path;

    public bool Exists { get; } = exists;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) => Path.Resolve(item) is not null == Exists;
}

/// <summary><c>attribute_type(operand, :type)</c>.</summary>
internal sealed class AttributeTypeCondition(Operand operand, AttributeType type) : Condition
{
    public Operand Operand { get; } = operand;

    public AttributeType Type { get; } = type;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) => Operand.Evaluate(item)?.Type == Type;
}

/// <summary><c>begins_with(a, b)</c>: two strings or two binaries, a starting with b.</summary>
internal sealed class BeginsWithCondition(Operand operand, Operand prefix) : Condition
{
    public Operand Operand { get; } = operand;

    public Operand Prefix { get; } = prefix;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) =>
        Operand.Evaluate(item) is { } value && Prefix.Evaluate(item) is { } prefix && ValueOperations.BeginsWith(value, prefix);
}

/// <summary><c>contains(a, b)</c>: a substring of a string, a byte run of a binary, a member of a set or an element of a list.</summary>
internal sealed class ContainsCondition(Operand operand, Operand member) : Condition
{
    public Operand Operand { get; } = operand;

    public Operand Member { get; } = member;

    public override bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) =>
        Operand.Evaluate(item) is { } value && Member.Evaluate(item) is { } member && ValueOperations.Contains(value, member);
}
