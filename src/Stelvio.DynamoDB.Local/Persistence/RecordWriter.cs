using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Persistence;

/// <summary>
/// Writes the binary form persistence keeps on disk: variable-length integers, UTF-8 strings and
/// <see cref="AttributeValue"/>s (a type byte, then the value; numbers in their canonical text).
/// </summary>
internal sealed class RecordWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    public RecordWriter(int capacity = 256) => _buffer = new ArrayBufferWriter<byte>(capacity);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public int Length => _buffer.WrittenCount;

    public void Clear() => _buffer.ResetWrittenCount();

    public void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void UInt(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        _buffer.Advance(i);
    }

    public void Long(long value) => UInt((ulong)((value << 1) ^ (value >> 63)));

    public void Fixed64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void Time(DateTimeOffset value) => Long(value.ToUnixTimeMilliseconds());

    public void Bytes(ReadOnlySpan<byte> value)
    {
        UInt((ulong)value.Length);
        value.CopyTo(_buffer.GetSpan(value.Length));
        _buffer.Advance(value.Length);
    }

    public void String(string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max < 128)
        {
            Span<byte> scratch = stackalloc byte[max];
            var n = Encoding.UTF8.GetBytes(value, scratch);
            Bytes(scratch[..n]);
            return;
        }
        var count = Encoding.UTF8.GetByteCount(value);
        UInt((ulong)count);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(count));
        _buffer.Advance(count);
    }

    public void Item(IReadOnlyDictionary<string, AttributeValue> item)
    {
        UInt((ulong)item.Count);
        foreach (var (name, value) in item)
        {
            String(name);
            Value(value);
        }
    }

    public void Value(AttributeValue value)
    {
        WriteByte((byte)value.Type);
        switch (value.Type)
        {
            case AttributeType.S:
                String(value.S);
                break;
            case AttributeType.N:
                String(value.N.ToString());
                break;
            case AttributeType.B:
                Bytes(value.B);
                break;
            case AttributeType.BOOL:
                WriteByte(value.BoolValue ? (byte)1 : (byte)0);
                break;
            case AttributeType.NULL:
                break;
            case AttributeType.SS:
                UInt((ulong)value.SS.Count);
                foreach (var member in value.SS)
                {
                    String(member);
                }
                break;
            case AttributeType.NS:
                UInt((ulong)value.NS.Count);
                foreach (var member in value.NS)
                {
                    String(member.ToString());
                }
                break;
            case AttributeType.BS:
                UInt((ulong)value.BS.Count);
                foreach (var member in value.BS)
                {
                    Bytes(member);
                }
                break;
            case AttributeType.M:
                Item(value.M);
                break;
            case AttributeType.L:
                UInt((ulong)value.L.Count);
                foreach (var element in value.L)
                {
                    Value(element);
                }
                break;
            default:
                throw new InvalidOperationException($"Unknown attribute type {value.Type}.");
        }
    }
}
