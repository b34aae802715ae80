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

public class DynamoNumberParsingTests
{
    [Theory]
    [InlineData("3", "3")]
    [InlineData("-7.1234", "-7.1234")]
    [InlineData("-17e5", "-1700000")]
    [InlineData("-17.4E37", "-174000000000000000000000000000000000000")]
    [InlineData("+3", "3")]
    [InlineData(".123", "0.123")]
    [InlineData("5.", "5")]
    [InlineData("0001.23", "1.23")]
    [InlineData("1e+5", "100000")]
    [InlineData("0e1000", "0")]
    [InlineData("-0", "0")]
    [InlineData("1E+125", "1" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "00000")]
    [InlineData("1E-130", "0." + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "000000000" + "1")]
    [InlineData("31415926535897932384626433832795028841e30", "31415926535897932384626433832795028841000000000000000000000000000000")]
    [InlineData("100000000000000000000000000000000000000000000000000", "100000000000000000000000000000000000000000000000000")]
    [InlineData("0.000000000000000000000000000000000000000000000012300", "0.0000000000000000000000000000000000000000000000123")]
    public void DynamoDB_number_syntax_is_accepted_and_printed_plain(string input, string canonical) =>
        Assert.Equal(canonical, DynamoNumber.Parse(input).ToString());

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("dog")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData(".")]
    [InlineData("e5")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData("0x10")]
    [InlineData("1e99999999999")]
    public void Non_numbers_are_refused_with_AWS_message(string input) =>
        Refused("The parameter cannot be converted to a numeric value: " + input, input);

    [Fact]
    public void An_empty_number_is_refused_without_text() =>
        Refused("The parameter cannot be converted to a numeric value", "");

    [Theory]
    [InlineData("123456789012345678901234567890123456789", DynamoNumber.TooManyDigitsMessage)]
    [InlineData("-1.23456789012345678901234567890123456789", DynamoNumber.TooManyDigitsMessage)]
    [InlineData("1e126", DynamoNumber.OverflowMessage)]
    [InlineData("-1e126", DynamoNumber.OverflowMessage)]
    [InlineData("11e125", DynamoNumber.OverflowMessage)]
    [InlineData("1e-131", DynamoNumber.UnderflowMessage)]
    [InlineData("0.9e-130", DynamoNumber.UnderflowMessage)]
    [InlineData("-1e-131", DynamoNumber.UnderflowMessage)]
    [InlineData("1234567890123456789012345678901234567890e100", DynamoNumber.OverflowMessage)]
    public void Range_and_precision_are_DynamoDB_s(string input, string message) => Refused(message, input);

    [Fact]
    public void Equal_values_are_equal_whatever_their_spelling()
    {
        Assert.Equal(DynamoNumber.Parse("1.50"), DynamoNumber.Parse("15e-1"));
        Assert.Equal(DynamoNumber.Parse("100"), DynamoNumber.FromInt64(100));
        Assert.Equal(DynamoNumber.Parse("-42"), DynamoNumber.FromInt64(-42));
        Assert.Equal(DynamoNumber.Parse("1.50").GetHashCode(), DynamoNumber.Parse("1.5").GetHashCode());
    }

    [Theory]
    [InlineData("1", "10000000000000000000000", "10000000000000000000001")]
    [InlineData("0.1", "0.2", "0.3")]
    [InlineData("-5", "5", "0")]
    [InlineData("99999999999999999999999999999999999999", "-1", "99999999999999999999999999999999999998")]
    [InlineData("12345678901234567890123456789012345678", "1e10", "12345678901234567890123456799012345678")]
    [InlineData("1e125", "-1e125", "0")]
    [InlineData("9e125", "-8.9e125", "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    public void Sums_are_exact(string a, string b, string sum) =>
        Assert.Equal(sum, (DynamoNumber.Parse(a) + DynamoNumber.Parse(b)).ToString());

    [Theory]
    [InlineData("9e125", "9e125")]
    [InlineData("1e50", "1")]
    [InlineData("99999999999999999999999999999999999999", "1e-1")]
    public void Sums_out_of_range_or_precision_are_overflow_as_DynamoDB_says(string a, string b) =>
        Refused(DynamoNumber.OverflowMessage, () => _ = DynamoNumber.Parse(a) + DynamoNumber.Parse(b));

    [Fact]
    public void Differences_below_the_range_underflow() =>
        Refused(DynamoNumber.UnderflowMessage, () => _ = DynamoNumber.Parse("1.1e-130") - DynamoNumber.Parse("1e-130"));

    [Theory]
    [InlineData("-1e125", "-9.5")]
    [InlineData("-9.5", "-1e-130")]
    [InlineData("-1e-130", "0")]
    [InlineData("0", "1e-130")]
    [InlineData("0.5", "1")]
    [InlineData("9", "10")]
    [InlineData("99999999999999999999999999999999999999", "1e38")]
    public void Order_is_by_value_across_magnitudes(string smaller, string larger) =>
        Assert.True(DynamoNumber.Parse(smaller) < DynamoNumber.Parse(larger));

    private static void Refused(string message, string input) => Refused(message, () => DynamoNumber.Parse(input));

    private static void Refused(string message, Action action)
    {
        var error = Assert.Throws<DynamoDbException>(action);
        Assert.Equal("ValidationException", error.Type);
        Assert.Equal(message, error.Message);
    }
}
