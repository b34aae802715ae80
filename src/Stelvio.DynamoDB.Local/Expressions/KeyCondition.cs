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

/// <summary>A parsed KeyConditionExpression (or legacy KeyConditions): partition key equality and an optional sort key condition.</summary>
internal sealed class KeyCondition
{
    public required string PartitionKeyName { get; init; }

    public required AttributeValue PartitionValue { get; init; }

    public string? SortKeyName { get; init; }

    public SortKeyOperator? SortOperator { get; init; }

    public AttributeValue? SortValue { get; init; }

    /// <summary>The upper bound of BETWEEN.</summary>
    public AttributeValue? SortValue2 { get; init; }

    /// <summary>Checks the condition against the key schema queried (table or index), with AWS's messages.</summary>
    public void Validate(string partitionKeyName, AttributeType partitionKeyType, string? sortKeyName, AttributeType? sortKeyType) =>
        throw new NotImplementedException();

    /// <summary>Whether an item's sort key value satisfies the sort key condition (true when there is none).</summary>
    public bool Matches(AttributeValue sortKeyValue) => throw new NotImplementedException();
}
