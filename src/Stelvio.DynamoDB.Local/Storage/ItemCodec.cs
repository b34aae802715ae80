using System.Text;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Storage;

/// <summary>
/// The compact binary form a table keeps each item in (UTF-8 names and strings, canonical numbers, length-prefixed),
/// so a stored 1 KB item costs little more than 1 KB of memory. Encoded once per write, decoded per read.
/// </summary>
internal static class ItemCodec
{
    [ThreadStatic]
    private static byte[]? t_scratch;

    public static byte[] Encode(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var writer = new Writer(t_scratch ??= new byte[4096]);
        writer.VarInt(item.Count);
        foreach (var (name, value) in item)
        {
            writer.Text(name);
            writer.Value(value);
        }
        t_scratch = writer.Buffer;
        return writer.Buffer.AsSpan(0, writer.Length).ToArray();
    }

    public static Dictionary<string, AttributeValue> Decode(ReadOnlySpan<byte> data)
    {
        var position = 0;
        var count = ReadVarInt(data, ref position);
        var item = new Dictionary<string, AttributeValue>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = ReadText(data, ref position);
            item[name] = ReadValue(data, ref position);
        }
        return item;
    }

    private static AttributeValue ReadValue(ReadOnlySpan<byte> data, ref int position)
    {
        var type = (AttributeType)data[position++];
        switch (type)
        {
            case AttributeType.S:
                return AttributeValue.FromString(ReadText(data, ref position));
            case AttributeType.N:
                return AttributeValue.FromNumber(DynamoNumber.Parse(ReadText(data, ref position)));
            case AttributeType.B:
                return AttributeValue.FromBinary(ReadBytes(data, ref position));
            case AttributeType.BOOL:
                return AttributeValue.FromBool(data[position++] != 0);
            case AttributeType.NULL:
                return AttributeValue.Null;
            case AttributeType.SS:
                {
                    var members = new string[ReadVarInt(data, ref position)];
                    for (var i = 0; i < members.Length; i++)
                    {
                        members[i] = ReadText(data, ref position);
                    }
                    return AttributeValue.FromStringSet(members);
                }
            case AttributeType.NS:
                {
                    var members = new DynamoNumber[ReadVarInt(data, ref position)];
                    for (var i = 0; i < members.Length; i++)
                    {
                        members[i] = DynamoNumber.Parse(ReadText(data, ref position));
                    }
                    return AttributeValue.FromNumberSet(members);
                }
            case AttributeType.BS:
                {
                    var members = new byte[ReadVarInt(data, ref position)][];
                    for (var i = 0; i < members.Length; i++)
                    {
                        members[i] = ReadBytes(data, ref position);
                    }
                    return AttributeValue.FromBinarySet(members);
                }
            case AttributeType.L:
                {
                    var elements = new AttributeValue[ReadVarInt(data, ref position)];
                    for (var i = 0; i < elements.Length; i++)
                    {
                        elements[i] = ReadValue(data, ref position);
                    }
                    return AttributeValue.FromList(elements);
                }
            default:
                {
                    var count = ReadVarInt(data, ref position);
                    var map = new Dictionary<string, AttributeValue>(count, StringComparer.Ordinal);
                    for (var i = 0; i < count; i++)
                    {
                        var name = ReadText(data, ref position);
                        map[name] = ReadValue(data, ref position);
                    }
                    return AttributeValue.FromMap(map);
                }
        }
    }

    private static int ReadVarInt(ReadOnlySpan<byte> data, ref int position)
    {
        var value = 0;
        var shift = 0;
        while (true)
        {
            var b = data[position++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
            shift += 7;
        }
    }

    private static string ReadText(ReadOnlySpan<byte> data, ref int position)
    {
        var length = ReadVarInt(data, ref position);
        var text = Encoding.UTF8.GetString(data.Slice(position, length));
        position += length;
        return text;
    }

    private static byte[] ReadBytes(ReadOnlySpan<byte> data, ref int position)
    {
        var length = ReadVarInt(data, ref position);
        var bytes = data.Slice(position, length).ToArray();
        position += length;
        return bytes;
    }

    private struct Writer(byte[] buffer)
    {
        public byte[] Buffer = buffer;
        public int Length;

        private void Ensure(int more)
        {
            if (Length + more > Buffer.Length)
            {
                Array.Resize(ref Buffer, Math.Max(Buffer.Length * 2, Length + more));
            }
        }

        public void Byte(byte value)
        {
            Ensure(1);
            Buffer[Length++] = value;
        }

        public void VarInt(int value)
        {
            var v = (uint)value;
            while (v >= 0x80)
            {
                Byte((byte)(v | 0x80));
                v >>= 7;
            }
            Byte((byte)v);
        }

        public void Text(string text)
        {
            var max = Encoding.UTF8.GetMaxByteCount(text.Length);
            Ensure(max + 5);
            var length = Encoding.UTF8.GetByteCount(text);
            VarInt(length);
            Encoding.UTF8.GetBytes(text, Buffer.AsSpan(Length));
            Length += length;
        }

        public void Bytes(byte[] bytes)
        {
            VarInt(bytes.Length);
            Ensure(bytes.Length);
            bytes.CopyTo(Buffer, Length);
            Length += bytes.Length;
        }

        public void Value(AttributeValue value)
        {
            Byte((byte)value.Type);
            switch (value.Type)
            {
                case AttributeType.S:
                    Text(value.S);
                    break;
                case AttributeType.N:
                    Text(value.N.ToString());
                    break;
                case AttributeType.B:
                    Bytes(value.B);
                    break;
                case AttributeType.BOOL:
                    Byte(value.BoolValue ? (byte)1 : (byte)0);
                    break;
                case AttributeType.NULL:
                    break;
                case AttributeType.SS:
                    VarInt(value.SS.Count);
                    foreach (var member in value.SS)
                    {
                        Text(member);
                    }
                    break;
                case AttributeType.NS:
                    VarInt(value.NS.Count);
                    foreach (var member in value.NS)
                    {
                        Text(member.ToString());
                    }
                    break;
                case AttributeType.BS:
                    VarInt(value.BS.Count);
                    foreach (var member in value.BS)
                    {
                        Bytes(member);
                    }
                    break;
                case AttributeType.L:
                    VarInt(value.L.Count);
                    foreach (var element in value.L)
                    {
                        Value(element);
                    }
                    break;
                case AttributeType.M:
                    VarInt(value.M.Count);
                    foreach (var (name, element) in value.M)
                    {
                        Text(name);
                        Value(element);
                    }
                    break;
            }
        }
    }
}
