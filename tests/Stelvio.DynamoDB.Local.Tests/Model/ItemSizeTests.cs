using Stelvio.DynamoDB.Local.Model;
using static Stelvio.DynamoDB.Local.Tests.Expressions.V;

namespace Stelvio.DynamoDB.Local.Tests.Model;

public class ItemSizeTests
{
    [Fact]
    public void Sizes_follow_the_developer_guide()
    {
        // Names and strings by UTF-8 bytes; binaries raw; BOOL/NULL one byte.
        Assert.Equal(2 + 3, ItemSize.Of(Item(("id", S("abc")))));
        Assert.Equal(2 + 0, ItemSize.Of(Item(("é", S("")))));
        Assert.Equal(1 + 4, ItemSize.Of(Item(("b", B(1, 2, 3, 4)))));
        Assert.Equal(1 + 1 + 1 + 1, ItemSize.Of(Item(("t", Bool(true)), ("n", Null))));
        // Lists and maps: 3 bytes, plus one byte per element and the elements (with keys).
        Assert.Equal(1 + 3, ItemSize.Of(Item(("l", L()))));
        Assert.Equal(1 + 3 + (1 + 1) + (1 + 2), ItemSize.Of(Item(("l", L(S("a"), S("bc"))))));
        Assert.Equal(1 + 3 + (1 + 1 + 1), ItemSize.Of(Item(("m", M(("k", S("v")))))));
        // Sets: the sum of their members.
        Assert.Equal(2 + 3, ItemSize.Of(Item(("ss", SS("a", "bc")))));
    }

    [Theory]
    [InlineData("1", 3)]
    [InlineData("10", 2)]
    [InlineData("12", 2)]
    [InlineData("123", 4)]
    [InlineData("12.3456", 4)]
    [InlineData("0", 3)]
    [InlineData("99999999999999999999999999999999999999", 20)]
    [InlineData("0.001", 2)]
    public void Numbers_take_a_byte_per_base_100_digit_pair_plus_one_or_two(string number, int size) =>
        Assert.Equal(size, ItemSize.OfValue(N(number)));

    [Fact]
    public void Capacity_units_round_up()
    {
        Assert.Equal(1, ItemSize.WriteUnits(0));
        Assert.Equal(1, ItemSize.WriteUnits(1024));
        Assert.Equal(2, ItemSize.WriteUnits(1025));
        Assert.Equal(1, ItemSize.ReadUnits(4096, consistent: true));
        Assert.Equal(2, ItemSize.ReadUnits(4097, consistent: true));
        Assert.Equal(0.5, ItemSize.ReadUnits(100, consistent: false));
    }
}
