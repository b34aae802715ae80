namespace Stelvio.DynamoDB.Local.Model;

/// <summary>
/// DynamoDB's key order: numbers by value, strings by their UTF-8 bytes, binaries by unsigned bytes.
/// Both values must be of the same scalar type (S, N or B).
/// </summary>
internal sealed class KeyComparer : IComparer<AttributeValue>
{
    public static KeyComparer Instance { get; } = new();

    public int Compare(AttributeValue? x, AttributeValue? y) => throw new NotImplementedException();
}
