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
