using System.Text;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Storage;

/// <summary>
/// Item size as DynamoDB documents it: each attribute name's UTF-8 length plus its value's size (strings: UTF-8
/// bytes; binaries: bytes; numbers: 1 byte per two significant digits plus 1; BOOL and NULL: 1; lists and maps:
/// 3 plus 1 per element plus the elements; sets: their members).
/// </summary>
internal static class ItemSizes
{
    public static int Of(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var size = 0;
        foreach (var (name, value) in item)
        {
            size += Encoding.UTF8.GetByteCount(name) + Of(value);
        }
        return size;
    }

    public static int Of(AttributeValue value)
    {
        switch (value.Type)
        {
            case AttributeType.S:
                return Encoding.UTF8.GetByteCount(value.S);
            case AttributeType.N:
                return NumberSize(value.N);
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
                        size += NumberSize(member);
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
                        size += 1 + Of(element);
                    }
                    return size;
                }
            case AttributeType.M:
                {
                    var size = 3;
                    foreach (var (name, element) in value.M)
                    {
                        size += 1 + Encoding.UTF8.GetByteCount(name) + Of(element);
                    }
                    return size;
                }
            default:
                return 0;
        }
    }

    private static int NumberSize(DynamoNumber number) => (number.Digits + 1) / 2 + 1;
}
