using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>A value in an expression: a document path, an ExpressionAttributeValue, or a function of operands.</summary>
internal abstract class Operand
{
    /// <summary>The operand's value for <paramref name="item"/>, or null when it has none (a missing attribute, size of a number).</summary>
    public abstract AttributeValue? Evaluate(IReadOnlyDictionary<string, AttributeValue>? item);

    /// <summary>The type known without an item: a constant's type, N for size(); null for paths.</summary>
    public virtual AttributeType? StaticType => null;

    /// <summary>The operand's value as an update's SET reads it: a missing attribute is AWS's error.</summary>
    public virtual AttributeValue EvaluateForUpdate(IReadOnlyDictionary<string, AttributeValue> item) =>
        Evaluate(item) ?? throw UpdateErrors.MissingAttribute();
}

/// <summary>A document path read from the item.</summary>
internal sealed class PathOperand(DocumentPath path) : Operand
{
    public DocumentPath Path { get; } = path;

    public override AttributeValue? Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) => Path.Resolve(item);
}

/// <summary>An ExpressionAttributeValue (or a legacy AttributeValueList member).</summary>
internal sealed class ValueOperand(AttributeValue value) : Operand
{
    public AttributeValue Value { get; } = value;

    public override AttributeType? StaticType => Value.Type;

    public override AttributeValue? Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) => Value;
}

/// <summary>
/// <c>size(operand)</c>: a string's length in UTF-16 code units (as DynamoDB's Java counts it), a binary's length, the number of members of a set,
/// elements of a list or entries of a map; no value for a number, boolean or null.
/// </summary>
internal sealed class SizeOperand(Operand argument) : Operand
{
    public Operand Argument { get; } = argument;

    public override AttributeType? StaticType => AttributeType.N;

    public override AttributeValue? Evaluate(IReadOnlyDictionary<string, AttributeValue>? item)
    {
        var value = Argument.Evaluate(item);
        long? size = value?.Type switch
        {
            AttributeType.S => value.S.Length,
            AttributeType.B => value.B.Length,
            AttributeType.SS => value.SS.Count,
            AttributeType.NS => value.NS.Count,
            AttributeType.BS => value.BS.Count,
            AttributeType.L => value.L.Count,
            AttributeType.M => value.M.Count,
            _ => null,
        };
        return size is { } n ? AttributeValue.FromNumber(DynamoNumber.FromInt64(n)) : null;
    }
}
