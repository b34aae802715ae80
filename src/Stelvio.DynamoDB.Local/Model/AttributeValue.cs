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
        return Type switch
        {
            AttributeType.S => string.Equals(S, other.S, StringComparison.Ordinal),
            AttributeType.N => N.Equals(other.N),
            AttributeType.B => B.AsSpan().SequenceEqual(other.B),
            AttributeType.BOOL => BoolValue == other.BoolValue,
            AttributeType.NULL => true,
            AttributeType.SS => SS.Count == other.SS.Count && SS.ToHashSet(StringComparer.Ordinal).SetEquals(other.SS),
            AttributeType.NS => NS.Count == other.NS.Count && NS.ToHashSet().SetEquals(other.NS),
            AttributeType.BS => BS.Count == other.BS.Count && BS.Select(Convert.ToBase64String).ToHashSet(StringComparer.Ordinal).SetEquals(other.BS.Select(Convert.ToBase64String)),
            AttributeType.L => L.Count == other.L.Count && L.Zip(other.L).All(p => p.First.Equals(p.Second)),
            AttributeType.M => M.Count == other.M.Count && M.All(kv => other.M.TryGetValue(kv.Key, out var v) && kv.Value.Equals(v)),
            _ => false,
        };
    }

    public override bool Equals(object? obj) => Equals(obj as AttributeValue);

    public override int GetHashCode() => Type switch
    {
        AttributeType.S => HashCode.Combine(Type, StringComparer.Ordinal.GetHashCode(S)),
        AttributeType.N => HashCode.Combine(Type, N),
        AttributeType.B => HashCode.Combine(Type, B.Length, B.Length > 0 ? B[0] : 0),
        AttributeType.BOOL => HashCode.Combine(Type, BoolValue),
        AttributeType.SS => HashCode.Combine(Type, SS.Count),
        AttributeType.NS => HashCode.Combine(Type, NS.Count),
        AttributeType.BS => HashCode.Combine(Type, BS.Count),
        AttributeType.L => HashCode.Combine(Type, L.Count),
        AttributeType.M => HashCode.Combine(Type, M.Count),
        _ => (int)Type,
    };

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
