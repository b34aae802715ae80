using Stelvio.DynamoDB.Local.Model;
using static Stelvio.DynamoDB.Local.Tests.Expressions.V;

namespace Stelvio.DynamoDB.Local.Tests.Model;

public class KeyComparerTests
{
    [Theory]
    [InlineData("a", "b")]
    [InlineData("A", "a")]
    [InlineData("ab", "abc")]
    [InlineData("", "a")]
    [InlineData("z", "é")]
    [InlineData("\uFFFD", "\U0001F600")]
    [InlineData("\uE000", "\U00010000")]
    public void Strings_order_by_UTF8_bytes(string smaller, string larger)
    {
        Assert.True(KeyComparer.Instance.Compare(S(smaller), S(larger)) < 0);
        Assert.True(KeyComparer.Instance.Compare(S(larger), S(smaller)) > 0);
        var bytes = System.Text.Encoding.UTF8;
        Assert.True(bytes.GetBytes(smaller).AsSpan().SequenceCompareTo(bytes.GetBytes(larger)) < 0);
    }

    [Fact]
    public void Numbers_order_by_value_and_binaries_by_unsigned_bytes()
    {
        Assert.True(KeyComparer.Instance.Compare(N("-10"), N("-9.5")) < 0);
        Assert.True(KeyComparer.Instance.Compare(N("9.5"), N("1E+1")) < 0);
        Assert.Equal(0, KeyComparer.Instance.Compare(N("1.50"), N("1.5")));
        Assert.True(KeyComparer.Instance.Compare(B(0x7F), B(0x80)) < 0);
        Assert.True(KeyComparer.Instance.Compare(B(1, 2), B(1, 2, 0)) < 0);
        Assert.Throws<ArgumentException>(() => KeyComparer.Instance.Compare(L(), L()));
    }
}

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

public class ValueValidationTests
{
    [Fact]
    public void Sets_must_be_non_empty_without_duplicates_or_empty_members()
    {
        Assert.Equal("One or more parameter values were invalid: An string set  may not be empty", ValueValidation.Check(SS()));
        Assert.Equal("One or more parameter values were invalid: An number set  may not be empty", ValueValidation.Check(NS()));
        Assert.Equal("One or more parameter values were invalid: Binary sets should not be empty", ValueValidation.Check(BS()));
        Assert.Equal("One or more parameter values were invalid: An string set may not have a empty string as a member", ValueValidation.Check(SS("a", "")));
        Assert.Equal("One or more parameter values were invalid: Binary sets may not contain null or empty values", ValueValidation.Check(BS([1], [])));
        Assert.Equal("One or more parameter values were invalid: Input collection [a, a] contains duplicates.", ValueValidation.Check(SS("a", "a")));
        Assert.Equal("Input collection contains duplicates", ValueValidation.Check(NS("1", "1.0")));
        Assert.Equal("One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates.", ValueValidation.Check(BS([0x62], [0x62])));
        Assert.Equal("One or more parameter values were invalid: An string set  may not be empty", ValueValidation.Check(M(("x", L(SS())))));
        Assert.Null(ValueValidation.Check(M(("x", L(SS("a"), S(""), B())))));
    }

    [Fact]
    public void Nesting_stops_at_32_levels()
    {
        var value = S("leaf");
        for (var i = 0; i < 32; i++)
        {
            value = M(("n", value));
        }
        Assert.Null(ValueValidation.Check(value));
        Assert.Equal(ValueValidation.NestingMessage, ValueValidation.Check(L(value)));
        Assert.Equal(ValueValidation.NestingMessage, ValueValidation.CheckItem(Item(("a", M(("n", value))))));
    }
}

public class AttributeValueEqualityTests
{
    [Fact]
    public void Sets_and_maps_are_equal_in_any_order_with_equal_hashes()
    {
        var pairs = new (AttributeValue, AttributeValue)[]
        {
            (SS("a", "b", "c"), SS("c", "a", "b")),
            (NS("1", "2.50"), NS("2.5", "1")),
            (BS([1], [2]), BS([2], [1])),
            (M(("a", N("1")), ("b", L(S("x")))), M(("b", L(S("x"))), ("a", N("1")))),
            (B(1, 2, 3), B(1, 2, 3)),
            (SS([.. Enumerable.Range(0, 20).Select(i => "m" + i)]), SS([.. Enumerable.Range(0, 20).Reverse().Select(i => "m" + i)])),
        };
        foreach (var (a, b) in pairs)
        {
            Assert.Equal(a, b);
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
        }
        Assert.NotEqual(L(S("a"), S("b")), L(S("b"), S("a")));
        Assert.NotEqual(SS("a", "b"), SS("a", "c"));
        Assert.NotEqual(S("1"), N("1"));
        Assert.NotEqual(B(1, 2), B(1, 3));
    }
}
