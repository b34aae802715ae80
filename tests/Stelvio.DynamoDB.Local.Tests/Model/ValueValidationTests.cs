using Stelvio.DynamoDB.Local.Model;
using static Stelvio.DynamoDB.Local.Tests.Expressions.V;

namespace Stelvio.DynamoDB.Local.Tests.Model;

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
