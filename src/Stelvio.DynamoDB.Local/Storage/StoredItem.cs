using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Storage;

/// <summary>An item as a table holds it: its key values, partition token, size as DynamoDB counts it, and attributes.</summary>
internal sealed class StoredItem(AttributeValue hash, AttributeValue? range, IReadOnlyDictionary<string, AttributeValue> attributes, int size)
{
    public ulong Token { get; } = Entry.TokenOf(hash);
    public AttributeValue Hash { get; } = hash;
    public AttributeValue? Range { get; } = range;
    public IReadOnlyDictionary<string, AttributeValue> Attributes { get; } = attributes;

    /// <summary>Bytes as DynamoDB counts them (names plus values).</summary>
    public int Size { get; } = size;
}
