using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Expressions;

/// <summary>The comparisons and tests conditions apply to values.</summary>
internal static class ValueOperations
{
    /// <summary>The order of two S, two N or two B values; null for any other pair.</summary>
    public static int? CompareScalars(AttributeValue a, AttributeValue b)
    {
        if (a.Type != b.Type)
        {
            return null;
        }
        return a.Type switch
        {
            AttributeType.S => KeyComparer.CompareStrings(a.S, b.S),
            AttributeType.N => a.N.CompareTo(b.N),
            AttributeType.B => KeyComparer.CompareBytes(a.B, b.B),
            _ => null,
        };
    }

    public static bool IsScalar(AttributeType type) => type is AttributeType.S or AttributeType.N or AttributeType.B;

    public static bool BeginsWith(AttributeValue value, AttributeValue prefix) => (value.Type, prefix.Type) switch
    {
        (AttributeType.S, AttributeType.S) => value.S.StartsWith(prefix.S, StringComparison.Ordinal),
        (AttributeType.B, AttributeType.B) => value.B.AsSpan().StartsWith(prefix.B),
        _ => false,
    };

    public static bool Contains(AttributeValue value, AttributeValue member)
    {
        switch (value.Type)
        {
            case AttributeType.S:
                return member.Type == AttributeType.S && value.S.Contains(member.S, StringComparison.Ordinal);
            case AttributeType.B:
                return member.Type == AttributeType.B && value.B.AsSpan().IndexOf(member.B) >= 0;
            case AttributeType.SS:
                if (member.Type == AttributeType.S)
                {
                    foreach (var s in value.SS)
                    {
                        if (string.Equals(s, member.S, StringComparison.Ordinal))
                        {
                            return true;
                        }
                    }
                }
                return false;
            case AttributeType.NS:
                if (member.Type == AttributeType.N)
                {
                    foreach (var n in value.NS)
                    {
                        if (n == member.N)
                        {
                            return true;
                        }
                    }
                }
                return false;
            case AttributeType.BS:
                if (member.Type == AttributeType.B)
                {
                    foreach (var b in value.BS)
                    {
                        if (b.AsSpan().SequenceEqual(member.B))
                        {
                            return true;
                        }
                    }
                }
                return false;
            case AttributeType.L:
                foreach (var element in value.L)
                {
                    if (element.Equals(member))
                    {
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }
}
