using System.Collections.Frozen;

namespace Stelvio.DynamoDB.Local.Model;

/// <summary>
/// An immutable DynamoDB value as the engine stores it (not the wire JSON). Sets keep their members in
/// the order given; equality treats them as sets. Items are <see cref="IReadOnlyDictionary{TKey,TValue}"/>s
/// of these, and since values never change, old and new images can share them.
/// </summary>
public sealed class AttributeValue : IEquatable<AttributeValue>
{
    private readonly object? _value;

    private AttributeValue(AttributeType type, object? value, bool boolean = false)
    {
        Type = type;
        _value = value;
        BoolValue = boolean;
    }

    public AttributeType Type { get; }

    public static AttributeValue Null { get; } = new(AttributeType.NULL, null);
    public static AttributeValue True { get; } = new(AttributeType.BOOL, null, true);
    public static AttributeValue False { get; } = new(AttributeType.BOOL, null, false);

    public static AttributeValue FromString(string value) => new(AttributeType.S, value);
    public static AttributeValue FromNumber(DynamoNumber value) => new(AttributeType.N, value);
    public static AttributeValue FromBinary(byte[] value) => new(AttributeType.B, value);
    public static AttributeValue FromBool(bool value) => value ? True : False;
    public static AttributeValue FromStringSet(IReadOnlyList<string> members) => new(AttributeType.SS, members);
    public static AttributeValue FromNumberSet(IReadOnlyList<DynamoNumber> members) => new(AttributeType.NS, members);
    public static AttributeValue FromBinarySet(IReadOnlyList<byte[]> members) => new(AttributeType.BS, members);
    public static AttributeValue FromMap(IReadOnlyDictionary<string, AttributeValue> entries) => new(AttributeType.M, entries);
    public static AttributeValue FromList(IReadOnlyList<AttributeValue> elements) => new(AttributeType.L, elements);

    public string S => Type == AttributeType.S ? (string)_value! : throw WrongType(AttributeType.S);
    public DynamoNumber N => Type == AttributeType.N ? (DynamoNumber)_value! : throw WrongType(AttributeType.N);
    public byte[] B => Type == AttributeType.B ? (byte[])_value! : throw WrongType(AttributeType.B);
    public bool BoolValue { get; }
    public IReadOnlyList<string> SS => Type == AttributeType.SS ? (IReadOnlyList<string>)_value! : throw WrongType(AttributeType.SS);
    public IReadOnlyList<DynamoNumber> NS => Type == AttributeType.NS ? (IReadOnlyList<DynamoNumber>)_value! : throw WrongType(AttributeType.NS);
    public IReadOnlyList<byte[]> BS => Type == AttributeType.BS ? (IReadOnlyList<byte[]>)_value! : throw WrongType(AttributeType.BS);
    public IReadOnlyDictionary<string, AttributeValue> M => Type == AttributeType.M ? (IReadOnlyDictionary<string, AttributeValue>)_value! : throw WrongType(AttributeType.M);
    public IReadOnlyList<AttributeValue> L => Type == AttributeType.L ? (IReadOnlyList<AttributeValue>)_value! : throw WrongType(AttributeType.L);

    public bool IsSet => Type is AttributeType.SS or AttributeType.NS or AttributeType.BS;

    private InvalidOperationException WrongType(AttributeType wanted) => new($"The value is {Type}, not {wanted}.");

    public bool Equals(AttributeValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other is null || other.Type != Type)
        {
            return false;
        }
        switch (Type)
        {
            case AttributeType.S:
                return string.Equals(S, other.S, StringComparison.Ordinal);
            case AttributeType.N:
                return N.Equals(other.N);
            case AttributeType.B:
                return B.AsSpan().SequenceEqual(other.B);
            case AttributeType.BOOL:
                return BoolValue == other.BoolValue;
            case AttributeType.NULL:
                return true;
            case AttributeType.SS:
                return SameMembers(SS, other.SS, StringComparer.Ordinal);
            case AttributeType.NS:
                return SameMembers(NS, other.NS, EqualityComparer<DynamoNumber>.Default);
            case AttributeType.BS:
                return SameMembers(BS, other.BS, ByteArrayComparer.Instance);
            case AttributeType.L:
                {
                    var a = L;
                    var b = other.L;
                    if (a.Count != b.Count)
                    {
                        return false;
                    }
                    for (var i = 0; i < a.Count; i++)
                    {
                        if (!a[i].Equals(b[i]))
                        {
                            return false;
                        }
                    }
                    return true;
                }
            case AttributeType.M:
                {
                    var a = M;
                    var b = other.M;
                    if (a.Count != b.Count)
                    {
                        return false;
                    }
                    foreach (var (name, value) in a)
                    {
                        if (!b.TryGetValue(name, out var otherValue) || !value.Equals(otherValue))
                        {
                            return false;
                        }
                    }
                    return true;
                }
            default:
                return false;
        }
    }

    /// <summary>Set equality: members are distinct within a set, so equal counts and containment suffice.</summary>
    private static bool SameMembers<T>(IReadOnlyList<T> a, IReadOnlyList<T> b, IEqualityComparer<T> comparer)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        if (a.Count <= 8)
        {
            foreach (var member in a)
            {
                var found = false;
                foreach (var candidate in b)
                {
                    if (comparer.Equals(member, candidate))
                    {
                        found = true;
                        break;
                    }
                }
                if (!found)
                {
                    return false;
                }
            }
            return true;
        }
        var members = new HashSet<T>(b, comparer);
        foreach (var member in a)
        {
            if (!members.Contains(member))
            {
                return false;
            }
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as AttributeValue);

    /// <summary>A hash consistent with <see cref="Equals(AttributeValue?)"/>: set members and map entries hashed in any order.</summary>
    public override int GetHashCode()
    {
        switch (Type)
        {
            case AttributeType.S:
                return HashCode.Combine(Type, StringComparer.Ordinal.GetHashCode(S));
            case AttributeType.N:
                return HashCode.Combine(Type, N);
            case AttributeType.B:
                return HashCode.Combine(Type, ByteArrayComparer.Instance.GetHashCode(B));
            case AttributeType.BOOL:
                return HashCode.Combine(Type, BoolValue);
            case AttributeType.SS:
                {
                    var hash = 0;
                    foreach (var member in SS)
                    {
                        hash ^= StringComparer.Ordinal.GetHashCode(member);
                    }
                    return HashCode.Combine(Type, SS.Count, hash);
                }
            case AttributeType.NS:
                {
                    var hash = 0;
                    foreach (var member in NS)
                    {
                        hash ^= member.GetHashCode();
                    }
                    return HashCode.Combine(Type, NS.Count, hash);
                }
            case AttributeType.BS:
                {
                    var hash = 0;
                    foreach (var member in BS)
                    {
                        hash ^= ByteArrayComparer.Instance.GetHashCode(member);
                    }
                    return HashCode.Combine(Type, BS.Count, hash);
                }
            case AttributeType.L:
                {
                    var hash = new HashCode();
                    hash.Add(Type);
                    foreach (var element in L)
                    {
                        hash.Add(element.GetHashCode());
                    }
                    return hash.ToHashCode();
                }
            case AttributeType.M:
                {
                    var hash = 0;
                    foreach (var (name, value) in M)
                    {
                        hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(name), value.GetHashCode());
                    }
                    return HashCode.Combine(Type, M.Count, hash);
                }
            default:
                return (int)Type;
        }
    }

    public override string ToString() => Type switch
    {
        AttributeType.S => $"{{S: {S}}}",
        AttributeType.N => $"{{N: {N}}}",
        AttributeType.B => $"{{B: {Convert.ToBase64String(B)}}}",
        AttributeType.BOOL => $"{{BOOL: {(BoolValue ? "true" : "false")}}}",
        AttributeType.NULL => "{NULL: true}",
        _ => $"{{{Type}: ...}}",
    };

    /// <summary>An empty item, shared.</summary>
    public static IReadOnlyDictionary<string, AttributeValue> EmptyMap { get; } = FrozenDictionary<string, AttributeValue>.Empty;
}
