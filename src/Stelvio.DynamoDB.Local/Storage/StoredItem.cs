using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Storage;

/// <summary>
/// An item as a table holds it: its key values and partition token, its size as DynamoDB counts it, and its
/// attributes in <see cref="ItemCodec"/>'s compact form (decoded afresh by <see cref="Attributes"/>).
/// </summary>
internal sealed class StoredItem
{
    private readonly byte[] _encoded;

    public StoredItem(AttributeValue hash, AttributeValue? range, IReadOnlyDictionary<string, AttributeValue> attributes, int size)
    {
        Token = Entry.TokenOf(hash);
        Hash = hash;
        Range = range;
        Size = size;
        _encoded = ItemCodec.Encode(attributes);
    }

    public ulong Token { get; }
    public AttributeValue Hash { get; }
    public AttributeValue? Range { get; }

    /// <summary>Bytes as DynamoDB counts them (names plus values).</summary>
    public int Size { get; }

    /// <summary>The item's attributes, decoded (a new dictionary per call: callers keep what they need).</summary>
    public IReadOnlyDictionary<string, AttributeValue> Attributes => ItemCodec.Decode(_encoded);

    /// <summary>Whether the stored attributes equal <paramref name="other"/>'s, byte for byte.</summary>
    public bool SameAs(StoredItem other) => _encoded.AsSpan().SequenceEqual(other._encoded);
}
