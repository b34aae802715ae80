using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Stelvio.DynamoDB.Local.Persistence;

/// <summary>
/// The on-disk shape shared by the log and the snapshot: a 16-byte header (8-byte magic, then the log generation
/// as a little-endian integer) followed by frames, each a little-endian 32-bit payload length, the CRC-32C of the
/// payload, then the payload. A reader stops at the first frame that is short or fails its checksum: that is
/// where a write was cut off.
/// </summary>
internal static partial class FrameFile
{
    public const int HeaderSize = 16;
    public const int FrameOverhead = 8;

    /// <summary>Largest payload accepted: a transaction of 100 items of 400 KB fits with room to spare.</summary>
    public const int MaxPayload = 256 * 1024 * 1024;

    public static void WriteHeader(Span<byte> destination, ReadOnlySpan<byte> magic, long generation)
    {
        magic.CopyTo(destination);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], generation);
    }

    /// <summary>Writes the frame header for <paramref name="payload"/> into the first 8 bytes of <paramref name="destination"/>.</summary>
    public static void WriteFrameHeader(Span<byte> destination, ReadOnlySpan<byte> payload)
    {
        BinaryPrimitives.WriteInt32LittleEndian(destination, payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Crc32C(payload));
    }

    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }
        return ~crc;
    }

    /// <summary>
    /// Reads a whole frame file: its generation, its valid frames, and the length of its valid prefix. Null when
    /// the file has no complete header with the expected magic.
    /// </summary>
    public static (long Generation, List<ReadOnlyMemory<byte>> Frames, long ValidLength)? Read(string path, ReadOnlySpan<byte> magic)
    {
        var data = File.ReadAllBytes(path);
        if (data.Length < HeaderSize || !data.AsSpan(0, 8).SequenceEqual(magic))
        {
            return null;
        }
        var generation = BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(8));
        var frames = new List<ReadOnlyMemory<byte>>();
        var position = HeaderSize;
        while (data.Length - position >= FrameOverhead)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(position));
            if (length < 0 || length > MaxPayload || length > data.Length - position - FrameOverhead)
            {
                break;
            }
            var payload = data.AsMemory(position + FrameOverhead, length);
            if (Crc32C(payload.Span) != BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(position + 4)))
            {
                break;
            }
            frames.Add(payload);
            position += FrameOverhead + length;
        }
        return (generation, frames, position);
    }

    /// <summary>Makes what was written through <paramref name="handle"/> durable (fdatasync on Linux, fsync elsewhere).</summary>
    public static void Sync(SafeFileHandle handle)
    {
        if (OperatingSystem.IsLinux())
        {
            if (NativeMethods.fdatasync(handle) != 0)
            {
                throw new IOException($"fdatasync failed with error {Marshal.GetLastPInvokeError()}.");
            }
            return;
        }
        RandomAccess.FlushToDisk(handle);
    }

    /// <summary>Makes a rename or a new file in <paramref name="directory"/> durable (no-op where directories cannot be opened).</summary>
    public static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }
        var fd = NativeMethods.open(directory, 0);
        if (fd < 0)
        {
            return;
        }
        try
        {
            _ = NativeMethods.fsync(fd);
        }
        finally
        {
            _ = NativeMethods.close(fd);
        }
    }

    private static partial class NativeMethods
    {
        [LibraryImport("libc", SetLastError = true)]
        public static partial int fdatasync(SafeFileHandle fd);

        [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int open(string path, int flags);

        [LibraryImport("libc", SetLastError = true)]
        public static partial int fsync(int fd);

        [LibraryImport("libc")]
        public static partial int close(int fd);
    }
}
