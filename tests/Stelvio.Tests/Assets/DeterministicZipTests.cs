using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Stelvio.Assets;

namespace Stelvio.Tests.Assets;

public class DeterministicZipTests
{
    [Fact]
    public void Crc32_OfTheStandardCheckInput_Is0xCBF43926()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Zip_IsReadableWithEntriesSortedAndContentIntact()
    {
        using var folder = new TempFolder();
        var items = new[]
        {
            new ZipItem("lib/z.txt", folder.Write("z.txt", "zeta"), false),
            new ZipItem("bootstrap", folder.Write("app", "#!/bin/sh\necho hi\n"), true),
            new ZipItem("a.json", folder.Write("a.json", new string('x', 10_000)), false),
        };

        using var archive = new ZipArchive(new MemoryStream(Bytes(items)));

        Assert.Equal(["a.json", "bootstrap", "lib/z.txt"], archive.Entries.Select(e => e.FullName));
        Assert.Equal("zeta", Read(archive.GetEntry("lib/z.txt")!));
        Assert.Equal(new string('x', 10_000), Read(archive.GetEntry("a.json")!));
        Assert.True(archive.GetEntry("a.json")!.CompressedLength < 200, "content is deflated");
        ZipCheck.AssertValid(Bytes(items));
    }

    [Fact]
    public void Zip_WithEmptyFiles_IsValidForIndependentReaders_AndStoresThem()
    {
        using var folder = new TempFolder();
        var items = new[]
        {
            new ZipItem("pkg/__init__.py", folder.Write("pkg/__init__.py", ""), false),
            new ZipItem("pkg/mod.py", folder.Write("pkg/mod.py", "X = 1\n"), false),
            new ZipItem("z/empty.txt", folder.Write("z/empty.txt", ""), false),
        };
        var bytes = Bytes(items);

        ZipCheck.AssertValid(bytes);
        using var archive = new ZipArchive(new MemoryStream(bytes));
        Assert.Equal(0, archive.GetEntry("pkg/__init__.py")!.Length);
        Assert.Equal(0, archive.GetEntry("pkg/__init__.py")!.CompressedLength);
        Assert.Equal(0, LocalHeaderMethod(bytes, "pkg/__init__.py")); // stored
        Assert.Equal(8, LocalHeaderMethod(bytes, "pkg/mod.py")); // deflated
        Assert.Equal("X = 1\n", Read(archive.GetEntry("pkg/mod.py")!));
    }

    [Fact]
    public void Zip_RecordsFixedTimestampsAndUnixModes()
    {
        using var folder = new TempFolder();
        var items = new[] { new ZipItem("bootstrap", folder.Write("app", "binary"), true), new ZipItem("data.txt", folder.Write("data.txt", "d"), false) };

        using var archive = new ZipArchive(new MemoryStream(Bytes(items)));

        Assert.All(archive.Entries, e => Assert.Equal(new DateTime(1980, 1, 1, 0, 0, 0), e.LastWriteTime.DateTime));
        Assert.Equal(0x81ED, archive.GetEntry("bootstrap")!.ExternalAttributes >>> 16); // regular file, 0755
        Assert.Equal(0x81A4, archive.GetEntry("data.txt")!.ExternalAttributes >>> 16); // regular file, 0644
    }

    [Fact]
    public void Zip_CentralDirectorySaysMadeByUnix()
    {
        using var folder = new TempFolder();
        var bytes = Bytes([new ZipItem("bootstrap", folder.Write("app", "binary"), true)]);

        var central = bytes.AsSpan().IndexOf("PK\u0001\u0002"u8);

        Assert.Equal(3, bytes[central + 5]); // "version made by" high byte: 3 = Unix, so Lambda honours the mode bits
    }

    [Fact]
    public void Zip_OfTheSameFiles_IsTheSameBytes_WhateverTheirTimesAndOrder()
    {
        using var folder = new TempFolder();
        var a = folder.Write("a.py", "print('a')");
        var b = folder.Write("b.py", "print('b')");
        var first = Bytes([new ZipItem("a.py", a, false), new ZipItem("b.py", b, false)]);

        File.SetLastWriteTimeUtc(a, new DateTime(2030, 5, 5, 5, 5, 5, DateTimeKind.Utc));
        var second = Bytes([new ZipItem("b.py", b, false), new ZipItem("a.py", a, false)]);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Zip_WithTwoFilesAtOnePath_Throws()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.py", "");

        var error = Assert.Throws<InvalidOperationException>(() => Bytes([new ZipItem("a.py", file, false), new ZipItem("a.py", file, false)]));

        Assert.Equal("Two files would have the same path 'a.py' in the zip.", error.Message);
    }

    [Fact]
    public void Zip_EndRecordCountsTheEntries()
    {
        using var folder = new TempFolder();
        var bytes = Bytes([new ZipItem("a", folder.Write("a", "1"), false), new ZipItem("b", folder.Write("b", "2"), false)]);

        var end = bytes.AsSpan(bytes.Length - 22);

        Assert.Equal(0x06054b50u, BinaryPrimitives.ReadUInt32LittleEndian(end));
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(end[10..]));
    }

    private static int LocalHeaderMethod(byte[] zip, string path)
    {
        var name = Encoding.UTF8.GetBytes(path);
        var at = 0;
        while (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at)) == 0x04034b50)
        {
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 26));
            var compressedSize = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at + 18));
            if (zip.AsSpan(at + 30, nameLength).SequenceEqual(name))
            {
                return BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 8));
            }

            at += 30 + nameLength + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 28)) + (int)compressedSize;
        }

        throw new InvalidOperationException($"No local header for {path}.");
    }

    private static byte[] Bytes(IEnumerable<ZipItem> items)
    {
        using var stream = new MemoryStream();
        DeterministicZip.Write(stream, items);
        return stream.ToArray();
    }

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
