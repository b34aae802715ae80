namespace Stelvio.DynamoDB.Local.Model;

/// <summary>Item and value sizes as DynamoDB counts them (for the 400 KB item limit, key limits and capacity units).</summary>
internal static class ItemSize
{
    public const int MaxItemBytes = 400 * 1024;
    public const int MaxPartitionKeyBytes = 2048;
    public const int MaxSortKeyBytes = 1024;

    /// <summary>The item's size: each attribute's UTF-8 name length plus its value's size.</summary>
    public static int Of(IReadOnlyDictionary<string, AttributeValue> item) => throw new NotImplementedException();

    /// <summary>One value's size.</summary>
    public static int OfValue(AttributeValue value) => throw new NotImplementedException();

    /// <summary>Read capacity units for reading <paramref name="bytes"/> (4 KB units; halved when eventually consistent).</summary>
    public static double ReadUnits(int bytes, bool consistent) => throw new NotImplementedException();

    /// <summary>Write capacity units for writing <paramref name="bytes"/> (1 KB units).</summary>
    public static double WriteUnits(int bytes) => throw new NotImplementedException();
}
