using System.Text;

namespace Stelvio.DynamoDB.Local.Model;

/// <summary>
/// Item and value sizes as DynamoDB counts them (developer guide, "Item sizes and formats"): names and strings
/// by UTF-8 bytes, binaries by raw bytes, a number by one byte per two significant digits plus one, BOOL and
/// NULL one byte, a list or map 3 bytes plus one byte and the size of each element (and each map key).
/// </summary>
internal static class ItemSize
{
    public const int MaxItemBytes = 400 * 1024;
    public const int MaxPartitionKeyBytes = 2048;
    public const int MaxSortKeyBytes = 1024;

    /// <summary>The item's size: each attribute's UTF-8 name length plus its value's size.</summary>
    public static int Of(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var size = 0;
        foreach (var (name, value) in item)
        {
            size += Encoding.UTF8.GetByteCount(name) + OfValue(value);
        }
        return size;
    }

    /// <summary>One value's size (without a name).</summary>
    public static int OfValue(AttributeValue value)
    {
        switch (value.Type)
        {
            case AttributeType.S:
                return Encoding.UTF8.GetByteCount(value.S);
            case AttributeType.N:
                return OfNumber(value.N);
            case AttributeType.B:
                return value.B.Length;
            case AttributeType.BOOL:
            case AttributeType.NULL:
                return 1;
            case AttributeType.SS:
                {
                    var size = 0;
                    foreach (var member in value.SS)
                    {
                        size += Encoding.UTF8.GetByteCount(member);
                    }
                    return size;
                }
            case AttributeType.NS:
                {
                    var size = 0;
                    foreach (var member in value.NS)
                    {
                        size += OfNumber(member);
                    }
                    return size;
                }
            case AttributeType.BS:
                {
                    var size = 0;
                    foreach (var member in value.BS)
                    {
                        size += member.Length;
                    }
                    return size;
                }
            case AttributeType.L:
                {
                    var size = 3;
                    foreach (var element in value.L)
                    {
                        size += 1 + OfValue(element);
                    }
                    return size;
                }
            case AttributeType.M:
                {
                    var size = 3;
                    foreach (var (name, element) in value.M)
                    {
                        size += 1 + Encoding.UTF8.GetByteCount(name) + OfValue(element);
                    }
                    return size;
                }
            default:
                return 0;
        }
    }

    /// <summary>
    /// A number's size: digits are stored in base 100 from the decimal point, so one byte per pair of
    /// significant digits (counting a leading zero when the leading digit's exponent is even), plus one.
    /// </summary>
    public static int OfNumber(DynamoNumber number)
    {
        var digits = number.Digits;
        var adjusted = number.Exponent + digits - 1;
        return (digits + 1) / 2 + (adjusted % 2 != 0 ? 1 : 2);
    }

    /// <summary>The size of a key value as the key limits count it (UTF-8 bytes of S, raw bytes of B).</summary>
    public static int OfKeyValue(AttributeValue value) => value.Type switch
    {
        AttributeType.S => Encoding.UTF8.GetByteCount(value.S),
        AttributeType.B => value.B.Length,
        _ => OfValue(value),
    };

    /// <summary>Read capacity units for reading <paramref name="bytes"/>: 4 KB units, halved when eventually consistent.</summary>
    public static double ReadUnits(int bytes, bool consistent)
    {
        var units = Math.Max(1, (bytes + 4095) / 4096);
        return consistent ? units : units / 2.0;
    }

    /// <summary>Write capacity units for writing <paramref name="bytes"/>: 1 KB units, at least one.</summary>
    public static double WriteUnits(int bytes) => Math.Max(1, (bytes + 1023) / 1024);
}
