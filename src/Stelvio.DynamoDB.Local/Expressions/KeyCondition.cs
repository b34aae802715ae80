using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>The operator of a Query's sort key condition.</summary>
internal enum SortKeyOperator
{
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Between,
    BeginsWith,
}

/// <summary>
/// One key attribute's condition in a KeyConditionExpression or legacy KeyConditions. <see cref="Refusal"/> is
/// AWS's message for a legacy operator a key cannot be queried with, raised when the schema is known.
/// </summary>
internal sealed record KeyConditionPart(
    string Name, SortKeyOperator Operator, AttributeValue Value, AttributeValue? Value2 = null, string? Refusal = null);

/// <summary>
/// A parsed KeyConditionExpression (or legacy KeyConditions): partition key equality and an optional sort key
/// condition. Parsing checks the shape; <see cref="Validate"/> checks it against the key schema queried and
/// sets the partition and sort key properties.
/// </summary>
internal sealed class KeyCondition
{
    /// <summary>AWS's message for a key condition a Query cannot serve.</summary>
    public const string NotSupported = "Query key condition not supported";

    /// <summary>AWS's message for a legacy key condition operator that no index serves (NULL, CONTAINS, IN…).</summary>
    public const string NotIndexable = "Attempted conditional constraint is not an indexable operation";

    private readonly IReadOnlyList<KeyConditionPart> _parts;
    private bool _validated;

    public KeyCondition(IReadOnlyList<KeyConditionPart> parts)
    {
        _parts = parts;
    }

    /// <summary>The conditions as written, one per key attribute.</summary>
    public IReadOnlyList<KeyConditionPart> Parts => _parts;

    public string PartitionKeyName { get; private set; } = "";

    public AttributeValue PartitionValue { get; private set; } = AttributeValue.Null;

    public string? SortKeyName { get; private set; }

    public SortKeyOperator? SortOperator { get; private set; }

    public AttributeValue? SortValue { get; private set; }

    /// <summary>The upper bound of BETWEEN.</summary>
    public AttributeValue? SortValue2 { get; private set; }

    /// <summary>Checks the condition against the key schema queried (table or index), with AWS's messages.</summary>
    public void Validate(string partitionKeyName, AttributeType partitionKeyType, string? sortKeyName, AttributeType? sortKeyType)
    {
        var partition = Find(partitionKeyName)
            ?? throw DynamoDbException.Validation("Query condition missed key schema element: " + partitionKeyName);
        KeyConditionPart? sort = null;
        if (_parts.Count > 1)
        {
            if (sortKeyName is null)
            {
                throw DynamoDbException.Validation(NotSupported);
            }
            sort = Find(sortKeyName) ?? throw DynamoDbException.Validation("Query condition missed key schema element: " + sortKeyName);
        }
        foreach (var part in _parts)
        {
            if (part.Refusal is { } refusal && refusal != NotSupported)
            {
                throw DynamoDbException.Validation(refusal);
            }
        }
        if (partition.Operator != SortKeyOperator.Equal || partition.Refusal is not null || sort?.Refusal is not null)
        {
            throw DynamoDbException.Validation(NotSupported);
        }
        if (partition.Value.Type != partitionKeyType
            || (sort is not null && (sort.Value.Type != sortKeyType || (sort.Value2 is { } high && high.Type != sortKeyType))))
        {
            throw DynamoDbException.Validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
        PartitionKeyName = partitionKeyName;
        PartitionValue = partition.Value;
        SortKeyName = sort?.Name;
        SortOperator = sort?.Operator;
        SortValue = sort?.Value;
        SortValue2 = sort?.Value2;
        _validated = true;
    }

    /// <summary>Whether an item's sort key value satisfies the sort key condition (true when there is none).</summary>
    public bool Matches(AttributeValue sortKeyValue)
    {
        if (!_validated)
        {
            throw new InvalidOperationException("Validate the key condition against the key schema first.");
        }
        if (SortOperator is not { } op)
        {
            return true;
        }
        if (sortKeyValue.Type != SortValue!.Type)
        {
            return false;
        }
        if (op == SortKeyOperator.BeginsWith)
        {
            return ValueOperations.BeginsWith(sortKeyValue, SortValue);
        }
        var order = KeyComparer.Instance.Compare(sortKeyValue, SortValue);
        return op switch
        {
            SortKeyOperator.Equal => order == 0,
            SortKeyOperator.Less => order < 0,
            SortKeyOperator.LessOrEqual => order <= 0,
            SortKeyOperator.Greater => order > 0,
            SortKeyOperator.GreaterOrEqual => order >= 0,
            _ => order >= 0 && KeyComparer.Instance.Compare(sortKeyValue, SortValue2!) <= 0,
        };
    }

    private KeyConditionPart? Find(string name)
    {
        foreach (var part in _parts)
        {
            if (string.Equals(part.Name, name, StringComparison.Ordinal))
            {
                return part;
            }
        }
        return null;
    }

    /// <summary>Turns a parsed condition into key conditions, refusing what a KeyConditionExpression may not hold.</summary>
    public static KeyCondition FromCondition(Condition condition)
    {
        var parts = new List<KeyConditionPart>(2);
        Collect(condition, parts);
        return new KeyCondition(parts);
    }

    private static void Collect(Condition condition, List<KeyConditionPart> parts)
    {
        switch (condition)
        {
            case AndCondition and:
                Collect(and.Left, parts);
                Collect(and.Right, parts);
                return;
            case OrCondition:
                throw InvalidOperator("OR");
            case NotCondition:
                throw InvalidOperator("NOT");
            case InCondition:
                throw InvalidOperator("IN");
            case ComparisonCondition { Comparator: Comparator.NotEqual }:
                throw InvalidOperator("<>");
            case ExistsCondition exists:
                throw InvalidOperator(exists.Exists ? "attribute_exists" : "attribute_not_exists");
            case AttributeTypeCondition:
                throw InvalidOperator("attribute_type");
            case ContainsCondition:
                throw InvalidOperator("contains");
            case ComparisonCondition comparison:
                {
                    var (name, value, keyFirst) = KeyAndValue("", comparison.Left, comparison.Right);
                    Add(parts, new KeyConditionPart(name, OperatorOf(comparison.Comparator, keyFirst), value));
                    return;
                }
            case BetweenCondition between:
                {
                    if (between.Operand is not PathOperand)
                    {
                        CheckNested(between.Operand);
                        throw InvalidCondition("BETWEEN operator must have the key attribute as its first operand");
                    }
                    var (name, low, _) = KeyAndValue("", between.Operand, between.Low);
                    var (_, high, _) = KeyAndValue(name, null, between.High);
                    Add(parts, new KeyConditionPart(name, SortKeyOperator.Between, low, high));
                    return;
                }
            case BeginsWithCondition beginsWith:
                {
                    if (beginsWith.Operand is not PathOperand)
                    {
                        CheckNested(beginsWith.Operand);
                        throw InvalidCondition("begins_with operator must have the key attribute as its first operand");
                    }
                    var (name, prefix, _) = KeyAndValue("", beginsWith.Operand, beginsWith.Prefix);
                    Add(parts, new KeyConditionPart(name, SortKeyOperator.BeginsWith, prefix));
                    return;
                }
            default:
                throw new InvalidOperationException("Unexpected condition " + condition.GetType().Name);
        }
    }

    /// <summary>The key attribute and the value of a two-operand condition, in either order.</summary>
    private static (string Name, AttributeValue Value, bool KeyFirst) KeyAndValue(string knownName, Operand? first, Operand second)
    {
        string? name = knownName.Length > 0 ? knownName : null;
        AttributeValue? value = null;
        var keyFirst = true;
        foreach (var operand in first is null ? (ReadOnlySpan<Operand>)[second] : [first, second])
        {
            switch (operand)
            {
                case PathOperand path:
                    if (name is not null)
                    {
                        throw InvalidCondition("Multiple attribute names used in one condition");
                    }
                    if (!path.Path.IsTopLevel)
                    {
                        throw DynamoDbException.Validation("KeyConditionExpressions cannot have conditions on nested attributes");
                    }
                    name = path.Path.Root;
                    keyFirst = ReferenceEquals(operand, first);
                    break;
                case ValueOperand constant:
                    value = constant.Value;
                    break;
                default:
                    CheckNested(operand);
                    break;
            }
        }
        if (name is null || value is null)
        {
            throw InvalidCondition("No key attribute specified");
        }
        return (name, value, keyFirst);
    }

    private static void CheckNested(Operand operand)
    {
        if (operand is SizeOperand)
        {
            throw DynamoDbException.Validation("KeyConditionExpressions cannot contain nested operations");
        }
    }

    private static void Add(List<KeyConditionPart> parts, KeyConditionPart part)
    {
        foreach (var existing in parts)
        {
            if (string.Equals(existing.Name, part.Name, StringComparison.Ordinal))
            {
                throw DynamoDbException.Validation("KeyConditionExpressions must only contain one condition per key");
            }
        }
        parts.Add(part);
    }

    private static SortKeyOperator OperatorOf(Comparator comparator, bool keyFirst) => comparator switch
    {
        Comparator.Equal => SortKeyOperator.Equal,
        Comparator.Less => keyFirst ? SortKeyOperator.Less : SortKeyOperator.Greater,
        Comparator.LessOrEqual => keyFirst ? SortKeyOperator.LessOrEqual : SortKeyOperator.GreaterOrEqual,
        Comparator.Greater => keyFirst ? SortKeyOperator.Greater : SortKeyOperator.Less,
        _ => keyFirst ? SortKeyOperator.GreaterOrEqual : SortKeyOperator.LessOrEqual,
    };

    private static DynamoDbException InvalidOperator(string op) =>
        DynamoDbException.Validation("Invalid operator used in KeyConditionExpression: " + op);

    private static DynamoDbException InvalidCondition(string detail) =>
        DynamoDbException.Validation("Invalid condition in KeyConditionExpression: " + detail);
}
