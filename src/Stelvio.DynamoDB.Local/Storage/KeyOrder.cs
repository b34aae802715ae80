using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Storage;

/// <summary>
/// DynamoDB's order of key values as storage keeps them: numbers by value, strings by their UTF-8 bytes, binaries
/// by unsigned bytes. Null (an absent level) sorts first.
/// </summary>
internal static class KeyOrder
{
    public static int Compare(AttributeValue? a, AttributeValue? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }
        if (a is null)
        {
            return -1;
        }
        if (b is null)
        {
            return 1;
        }
        if (a.Type != b.Type)
        {
            return a.Type.CompareTo(b.Type);
        }
        return a.Type switch
        {
            AttributeType.N => a.N.CompareTo(b.N),
            AttributeType.S => CompareUtf8(a.S, b.S),
            AttributeType.B => a.B.AsSpan().SequenceCompareTo(b.B),
            _ => 0,
        };
    }

    /// <summary>Compares two strings as their UTF-8 encodings would compare, without encoding them.</summary>
    public static int CompareUtf8(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x != y)
            {
                return Fix(x).CompareTo(Fix(y));
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    // UTF-16 code units reordered so that surrogates (code points above U+FFFF) sort after U+E000..U+FFFF, as in UTF-8.
    private static int Fix(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
}
