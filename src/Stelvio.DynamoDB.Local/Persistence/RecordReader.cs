using System.Buffers.Binary;
using System.Text;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Persistence;

/// <summary>Reads what <see cref="RecordWriter"/> wrote; a malformed record is a <see cref="CorruptStoreException"/>.</summary>
internal sealed class RecordReader(ReadOnlyMemory<byte> data)
{
    private int _position;

    public bool AtEnd => _position >= data.Length;

    public byte Byte()
    {
        if (_position >= data.Length)
        {
            throw new CorruptStoreException("a record ends early");
        }
        return data.Span[_position++];
    }

    public ulong UInt()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
        throw new CorruptStoreException("a number is too long");
    }

    public int Count()
    {
        var value = UInt();
        if (value > (ulong)(data.Length - _position) * 8 + 8)
        {
            throw new CorruptStoreException("a count is larger than its record");
        }
        return (int)value;
    }

    public long Long()
    {
        var raw = UInt();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public long Fixed64()
    {
        var span = Take(8);
        return BinaryPrimitives.ReadInt64LittleEndian(span);
    }

    public DateTimeOffset Time() => DateTimeOffset.FromUnixTimeMilliseconds(Long());

    public ReadOnlySpan<byte> Span() => Take(Count());

    public byte[] Bytes() => Span().ToArray();

    public string String() => Encoding.UTF8.GetString(Span());

    public IReadOnlyDictionary<string, AttributeValue> Item()
    {
        var count = Count();
        var item = new Dictionary<string, AttributeValue>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = String();
            item[name] = Value();
        }
        return item;
    }

    public AttributeValue Value()
    {
        var type = (AttributeType)Byte();
        switch (type)
        {
            case AttributeType.S:
                return AttributeValue.FromString(String());
            case AttributeType.N:
                return AttributeValue.FromNumber(Number());
            case AttributeType.B:
                return AttributeValue.FromBinary(Bytes());
            case AttributeType.BOOL:
                return AttributeValue.FromBool(Byte() != 0);
            case AttributeType.NULL:
                return AttributeValue.Null;
            case AttributeType.SS:
                {
                    var members = new string[Count()];
                    for (var i = 0; i < members.Length; i++)
                    {
                        members[i] = String();
                    }
                    return AttributeValue.FromStringSet(members);
                }
            case AttributeType.NS:
                {
                    var members = new DynamoNumber[Count()];
                    for (var i = 0; i < members.Length; i++)
                    {
                        members[i] = Number();
                    }
                    return AttributeValue.FromNumberSet(members);
                }
            case AttributeType.BS:
                {
                    var members = new byte[Count()][];
                    for (var i = 0; i < members.Length; i++)
                    {
                        members[i] = Bytes();
                    }
                    return AttributeValue.FromBinarySet(members);
                }
            case AttributeType.M:
                return AttributeValue.FromMap(Item());
            case AttributeType.L:
                {
                    var elements = new AttributeValue[Count()];
                    for (var i = 0; i < elements.Length; i++)
                    {
                        elements[i] = Value();
                    }
                    return AttributeValue.FromList(elements);
                }
            default:
                throw new CorruptStoreException($"unknown attribute type {(int)type}");
        }
    }

    private DynamoNumber Number()
    {
        var text = String();
        return DynamoNumber.TryParse(text, out var value, out _) ? value : throw new CorruptStoreException($"'{text}' is not a number");
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > data.Length - _position)
        {
            throw new CorruptStoreException("a record ends early");
        }
        var span = data.Span.Slice(_position, count);
        _position += count;
        return span;
    }
}
