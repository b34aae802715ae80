using Stelvio.DynamoDB.Local.Model;
using static Stelvio.DynamoDB.Local.Tests.Expressions.V;

namespace Stelvio.DynamoDB.Local.Tests.Model;

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
