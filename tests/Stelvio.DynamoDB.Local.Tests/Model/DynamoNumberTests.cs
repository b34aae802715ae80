using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Tests.Model;

public class DynamoNumberTests
{
    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("1E+2", "100")]
    [InlineData("-0.000", "0")]
    [InlineData("0.0012300", "0.00123")]
    [InlineData("12345678901234567890123456789012345678", "12345678901234567890123456789012345678")]
    public void Canonical_form_on_output(string input, string canonical) =>
        Assert.Equal(canonical, DynamoNumber.Parse(input).ToString());

    [Fact]
    public void More_than_38_digits_is_refused()
    {
        var error = Assert.Throws<DynamoDbException>(() => DynamoNumber.Parse("123456789012345678901234567890123456789"));
        Assert.Equal("ValidationException", error.Type);
    }

    [Fact]
    public void Sum_is_exact_beyond_decimal() =>
        Assert.Equal("1000000000000000000000000000000000000.1",
            (DynamoNumber.Parse("999999999999999999999999999999999999.1") + DynamoNumber.Parse("1")).ToString());

    [Fact]
    public void Order_is_by_value() =>
        Assert.True(DynamoNumber.Parse("-10") < DynamoNumber.Parse("-9.5") && DynamoNumber.Parse("9.5") < DynamoNumber.Parse("1E+1"));
}
