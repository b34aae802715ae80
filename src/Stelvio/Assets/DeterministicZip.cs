using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Stelvio.Assets;

/// <summary>One file of a zip: its path inside the zip ('/'-separated), where its bytes come from, and its mode.</summary>
internal sealed record ZipItem(string Path, string SourceFile, bool Executable);

/// <summary>
/// Writes zips whose bytes depend only on the files: entries sorted by path (ordinal), every timestamp
/// 1980-01-01 00:00, Unix modes 0644 (0755 for executables) in the external attributes, "made by" Unix.
/// Empty files are stored (method 0): a deflated entry must hold at least one deflate block, and .NET's
/// <see cref="DeflateStream"/> writes none for no input, which strict readers (Info-ZIP, Java) reject.
/// <see cref="System.IO.Compression.ZipArchive"/> is not used because it records the platform of the machine
/// that writes the zip: a zip made on Windows would differ and lose the executable bit Lambda needs on
/// <c>bootstrap</c>.
/// </summary>
internal static class DeterministicZip
{
    public const int RegularFileMode = 0b110_100_100; // 0644
    public const int ExecutableFileMode = 0b111_101_101; // 0755
    private const int UnixRegularFile = 0x8000; // S_IFREG
    private const ushort VersionNeeded = 20; // 2.0: deflate
    private const ushort VersionMadeBy = (3 << 8) | 20; // Unix, 2.0
    private const ushort Utf8Names = 1 << 11;
    private const ushort Stored = 0;
    private const ushort Deflate = 8;
    private const ushort DosTime = 0; // 00:00:00
    private const ushort DosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01

    public static void Write(Stream output, IEnumerable<ZipItem> items)
    {
        var sorted = items.OrderBy(i => i.Path, StringComparer.Ordinal).ToList();
        var duplicate = sorted.Zip(sorted.Skip(1)).FirstOrDefault(p => p.First.Path == p.Second.Path);
        if (duplicate != default)
        {
            throw new InvalidOperationException($"Two files would have the same path '{duplicate.First.Path}' in the zip.");
        }

        if (sorted.Count >= ushort.MaxValue)
        {
            throw new InvalidOperationException($"{sorted.Count} files are too many for a zip without Zip64 (at most {ushort.MaxValue - 1}).");
        }

        var central = new MemoryStream();
        long offset = 0;
        foreach (var item in sorted)
        {
            var data = File.ReadAllBytes(item.SourceFile);
            var method = data.Length == 0 ? Stored : Deflate;
            var compressed = method == Stored ? data : Compress(data);
            var name = Encoding.UTF8.GetBytes(item.Path);
            var crc = Crc32.Compute(data);
            CheckSize(item, data.LongLength, offset);
            var mode = UnixRegularFile | (item.Executable ? ExecutableFileMode : RegularFileMode);

            var local = new byte[30];
            BinaryPrimitives.WriteUInt32LittleEndian(local, 0x04034b50);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(4), VersionNeeded);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(6), Utf8Names);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(8), method);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(10), DosTime);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(12), DosDate);
            BinaryPrimitives.WriteUInt32LittleEndian(local.AsSpan(14), crc);
            BinaryPrimitives.WriteUInt32LittleEndian(local.AsSpan(18), (uint)compressed.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(local.AsSpan(22), (uint)data.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(26), (ushort)name.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(28), 0);
            output.Write(local);
            output.Write(name);
            output.Write(compressed);

            var header = new byte[46];
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), VersionMadeBy);
            local.AsSpan(4, 26).CopyTo(header.AsSpan(6)); // needed, flags, method, time, date, crc, sizes, name length, extra length
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(32), 0); // comment length
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(34), 0); // disk
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(36), 0); // internal attributes
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(38), (uint)mode << 16);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(42), (uint)offset);
            central.Write(header);
            central.Write(name);

            offset += local.Length + name.Length + compressed.Length;
        }

        CheckSize(null, central.Length, offset);
        central.Position = 0;
        central.CopyTo(output);

        var end = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), (ushort)sorted.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), (ushort)sorted.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), (uint)central.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), (uint)offset);
        output.Write(end);
    }

    private static byte[] Compress(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return buffer.ToArray();
    }

    private static void CheckSize(ZipItem? item, long size, long offset)
    {
        if (size >= uint.MaxValue || offset >= uint.MaxValue)
        {
            throw new InvalidOperationException($"{item?.Path ?? "The zip"} is over 4 GB, which needs Zip64; Lambda zips are at most 250 MB unzipped.");
        }
    }
}
