using System.IO.Hashing;
using System.Text;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Storage;

/// <summary>
/// One item's place in a table or an index: ordered by partition token (a hash of the partition key, so a scan
/// visits partitions in no meaningful order, as DynamoDB's does), the partition key, the sort key, and for
/// indexes the table's key. Probes (used to seek) give only a prefix of these levels and sort just before or
/// after every entry sharing that prefix.
/// </summary>
internal sealed class Entry
{
    private const byte Full = 4;

    private Entry(ulong token, AttributeValue? hash, AttributeValue? range, AttributeValue? tableHash, AttributeValue? tableRange, StoredItem? item, byte depth, sbyte bound)
    {
        Token = token;
        Hash = hash;
        Range = range;
        TableHash = tableHash;
        TableRange = tableRange;
        Item = item;
        Depth = depth;
        Bound = bound;
    }

    public ulong Token { get; }
    public AttributeValue? Hash { get; }
    public AttributeValue? Range { get; }
    public AttributeValue? TableHash { get; }
    public AttributeValue? TableRange { get; }

    /// <summary>The stored item (null for probes).</summary>
    public StoredItem? Item { get; }

    /// <summary>Levels given (4 for entries).</summary>
    public byte Depth { get; }

    /// <summary>For probes: -1 sorts before the entries sharing its prefix, +1 after.</summary>
    public sbyte Bound { get; }

    public static Entry ForItem(StoredItem item) => new(item.Token, item.Hash, item.Range, null, null, item, Full, 0);

    public static Entry ForIndex(AttributeValue hash, AttributeValue? range, StoredItem item) =>
        new(TokenOf(hash), hash, range, item.Hash, item.Range, item, Full, 0);

    /// <summary>A probe at a token only (for scan segments and the ends of a table).</summary>
    public static Entry Probe(ulong token, sbyte bound) => new(token, null, null, null, null, null, 0, bound);

    /// <summary>A probe at a partition, optionally a sort key within it.</summary>
    public static Entry Probe(AttributeValue hash, AttributeValue? range, bool withRange, sbyte bound) =>
        new(TokenOf(hash), hash, range, null, null, null, (byte)(withRange ? 2 : 1), bound);

    /// <summary>A probe at an exact index position (index key plus the table's key), for ExclusiveStartKey.</summary>
    public static Entry Probe(AttributeValue hash, AttributeValue? range, AttributeValue tableHash, AttributeValue? tableRange, sbyte bound) =>
        new(TokenOf(hash), hash, range, tableHash, tableRange, null, Full, bound);

    public static Entry First { get; } = Probe(0, -1);
    public static Entry Last { get; } = Probe(ulong.MaxValue, 1);

    /// <summary>The partition token: 64 bits of a hash of the key's bytes.</summary>
    public static ulong TokenOf(AttributeValue hash)
    {
        switch (hash.Type)
        {
            case AttributeType.B:
                return XxHash3.HashToUInt64(hash.B);
            case AttributeType.S:
            case AttributeType.N:
                {
                    var text = hash.Type == AttributeType.S ? hash.S : hash.N.ToString();
                    var max = Encoding.UTF8.GetMaxByteCount(text.Length);
                    if (max <= 512)
                    {
                        Span<byte> buffer = stackalloc byte[max];
                        var length = Encoding.UTF8.GetBytes(text, buffer);
                        return XxHash3.HashToUInt64(buffer[..length]);
                    }
                    return XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(text));
                }
            default:
                return 0;
        }
    }

    private AttributeValue? Level(int level) => level switch
    {
        0 => Hash,
        1 => Range,
        2 => TableHash,
        _ => TableRange,
    };

    public static IComparer<Entry> Comparer { get; } = new EntryComparer();

    private sealed class EntryComparer : IComparer<Entry>
    {
        public int Compare(Entry? a, Entry? b)
        {
            var c = a!.Token.CompareTo(b!.Token);
            if (c != 0)
            {
                return c;
            }
            for (var level = 0; level < Full; level++)
            {
                if (level >= a.Depth || level >= b.Depth)
                {
                    return a.Depth <= level ? (a.Depth == b.Depth ? a.Bound.CompareTo(b.Bound) : a.Bound) : -b.Bound;
                }
                c = KeyComparer.Instance.Compare(a.Level(level), b.Level(level));
                if (c != 0)
                {
                    return c;
                }
            }
            return a.Bound.CompareTo(b.Bound);
        }
    }
}
