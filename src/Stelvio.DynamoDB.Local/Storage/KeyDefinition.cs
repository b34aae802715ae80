using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Storage;

/// <summary>A primary or index key: the partition (HASH) attribute and the optional sort (RANGE) attribute.</summary>
internal sealed record KeyDefinition(string HashName, AttributeType HashType, string? RangeName = null, AttributeType RangeType = AttributeType.S)
{
    public bool HasRange => RangeName is not null;

    public bool IsKeyAttribute(string name) => name == HashName || name == RangeName;
}
