using System.Collections;
using System.Collections.Immutable;
using Stelvio.CloudFormation;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.CloudFormation;

/// <summary>How escape-hatch values become template JSON: every number type, and the same bytes on every run.</summary>
public sealed class CfnValueTests
{
    private static readonly string[] Keys = [.. Enumerable.Range(0, 26).Select(i => ((char)('a' + i)).ToString())];

    private static readonly string SortedJson = "{" + string.Join(",", Keys.Select(k => $"\"{k}\":1")) + "}";

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void From_ANonFiniteNumber_ThrowsNamingTheProperty(object value, string shown)
    {
        var error = Assert.Throws<StelvioConfigException>(() => CfnValue.From(value, "DynamoTable 'orders'", "property override 'X'"));

        Errors.Single(error, "DynamoTable 'orders'", "property override 'X'", $"{shown} cannot be written to a template: JSON holds only finite numbers. Give a finite number.");
    }

    [Fact]
    public void From_UnsignedAndByteNumbers_AreWrittenAsNumbers()
    {
        var json = CfnValue.From(new object[] { (byte)1, (sbyte)-2, (ushort)3, 4u, 5ul }, "c", "p")!.ToJsonString();

        Assert.Equal("[1,-2,3,4,5]", json);
    }

    [Fact]
    public void From_ADictionary_KeepsItsOrder()
    {
        var json = CfnValue.From(new Dictionary<string, object> { ["b"] = 1, ["a"] = 2 }, "c", "p")!.ToJsonString();

        Assert.Equal("""{"b":1,"a":2}""", json);
    }

    [Fact]
    public void From_HashOrderedDictionaries_WriteTheirKeysSorted()
    {
        var table = new Hashtable();
        foreach (var key in Keys.Reverse())
        {
            table[key] = 1;
        }

        var immutable = Keys.Reverse().ToImmutableDictionary(k => k, _ => 1);

        Assert.Equal(SortedJson, CfnValue.From(table, "c", "p")!.ToJsonString());
        Assert.Equal(SortedJson, CfnValue.From(immutable, "c", "p")!.ToJsonString());
    }
}
