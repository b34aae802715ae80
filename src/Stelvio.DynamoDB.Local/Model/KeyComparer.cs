namespace Stelvio.DynamoDB.Local.Model;

/// <summary>
/// DynamoDB's order of scalar values: numbers by value, strings by their UTF-8 bytes (code point order),
/// binaries by unsigned bytes. Key ordering, range conditions and comparisons use it. Values of different
/// types order by type (S, N, B) so that a sort never fails; callers compare only like types.
/// </summary>
internal sealed class KeyComparer : IComparer<AttributeValue>
{
    public static KeyComparer Instance { get; } = new();

    public int Compare(AttributeValue? x, AttributeValue? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null)
        {
            return -1;
        }
        if (y is null)
        {
            return 1;
        }
        if (x.Type != y.Type)
        {
            return x.Type.CompareTo(y.Type);
        }
        return x.Type switch
        {
            AttributeType.S => CompareStrings(x.S, y.S),
            AttributeType.N => x.N.CompareTo(y.N),
            AttributeType.B => CompareBytes(x.B, y.B),
            _ => throw new ArgumentException($"Only S, N and B values are ordered, not {x.Type}."),
        };
    }

    /// <summary>Orders strings as their UTF-8 encodings order (code point order), without encoding them.</summary>
    public static int CompareStrings(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var ca = a[i];
            var cb = b[i];
            if (ca == cb)
            {
                continue;
            }
            var surrogateA = char.IsSurrogate(ca);
            var surrogateB = char.IsSurrogate(cb);
            if (surrogateA == surrogateB)
            {
                return ca < cb ? -1 : 1;
            }
            // A surrogate stands for a code point above U+FFFF, after every other UTF-16 unit.
            return surrogateA ? 1 : -1;
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>Orders byte arrays by unsigned bytes, a prefix first.</summary>
    public static int CompareBytes(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var result = a.SequenceCompareTo(b);
        return result < 0 ? -1 : result > 0 ? 1 : 0;
    }
}
