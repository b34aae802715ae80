using System.Globalization;
using System.Numerics;
using Stelvio.DynamoDB.Local.Errors;

namespace Stelvio.DynamoDB.Local.Model;

/// <summary>
/// DynamoDB's number: up to 38 significant decimal digits, magnitude 1E-130 to 9.99…E+125 (or zero), exact.
/// Stored as <c>Mantissa × 10^Exponent</c> with no trailing zeros in the mantissa, so equal values are equal
/// structs and <see cref="ToString"/> is the canonical form DynamoDB returns ("1.50" comes back "1.5").
/// </summary>
public readonly struct DynamoNumber : IEquatable<DynamoNumber>, IComparable<DynamoNumber>
{
    public const int MaxDigits = 38;

    /// <summary>Smallest adjusted exponent (of the leading digit) DynamoDB stores: 1E-130.</summary>
    public const int MinAdjustedExponent = -130;

    /// <summary>Largest adjusted exponent DynamoDB stores: 9.99…E+125.</summary>
    public const int MaxAdjustedExponent = 125;

    private static readonly Int128[] PowersOfTen = BuildPowers();

    private DynamoNumber(Int128 mantissa, int exponent)
    {
        Mantissa = mantissa;
        Exponent = exponent;
    }

    /// <summary>Signed digits without trailing zeros (0 for zero).</summary>
    public Int128 Mantissa { get; }

    /// <summary>Power of ten the mantissa is scaled by (0 for zero).</summary>
    public int Exponent { get; }

    public static DynamoNumber Zero => default;

    public bool IsZero => Mantissa == 0;

    public int Sign => Mantissa == 0 ? 0 : Mantissa < 0 ? -1 : 1;

    /// <summary>Number of significant digits (1 for zero).</summary>
    public int Digits => DigitCount(Int128.Abs(Mantissa));

    /// <summary>Parses a wire number, throwing DynamoDB's ValidationException when it is not one or out of range.</summary>
    public static DynamoNumber Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw DynamoDbException.Validation(error!);

    /// <summary>Parses a wire number; on failure <paramref name="error"/> is DynamoDB's message.</summary>
    public static bool TryParse(string text, out DynamoNumber value, out string? error)
    {
        value = default;
        error = null;
        var s = text.AsSpan().Trim();
        var i = 0;
        var negative = false;
        if (i < s.Length && (s[i] == '-' || s[i] == '+'))
        {
            negative = s[i] == '-';
            i++;
        }
        var digits = new System.Text.StringBuilder();
        var seenDigit = false;
        var seenPoint = false;
        var fractionDigits = 0;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c is >= '0' and <= '9')
            {
                seenDigit = true;
                digits.Append(c);
                if (seenPoint)
                {
                    fractionDigits++;
                }
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                break;
            }
        }
        long exponent = 0;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            var expStart = i;
            if (i < s.Length && (s[i] == '-' || s[i] == '+'))
            {
                i++;
            }
            var expDigitsStart = i;
            while (i < s.Length && s[i] is >= '0' and <= '9')
            {
                i++;
            }
            if (i == expDigitsStart || !long.TryParse(s[expStart..i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                error = NotANumber(text);
                return false;
            }
        }
        if (!seenDigit || i != s.Length)
        {
            error = NotANumber(text);
            return false;
        }

        // Strip leading zeros, then trailing zeros into the exponent.
        var all = digits.ToString().TrimStart('0');
        exponent -= fractionDigits;
        var trimmed = all.TrimEnd('0');
        exponent += all.Length - trimmed.Length;
        if (trimmed.Length == 0)
        {
            value = default;
            return true;
        }
        if (trimmed.Length > MaxDigits)
        {
            error = "Attempting to store more than 38 significant digits in a Number";
            return false;
        }
        var adjusted = exponent + trimmed.Length - 1;
        if (adjusted > MaxAdjustedExponent)
        {
            error = "Number overflow. Attempting to store a number with magnitude larger than supported range";
            return false;
        }
        if (adjusted < MinAdjustedExponent)
        {
            error = "Number underflow. Attempting to store a number with magnitude smaller than supported range";
            return false;
        }
        var mantissa = Int128.Parse(trimmed, CultureInfo.InvariantCulture);
        value = new DynamoNumber(negative ? -mantissa : mantissa, (int)exponent);
        return true;
    }

    private static string NotANumber(string text) =>
        $"The parameter cannot be converted to a numeric value: {text}";

    public static DynamoNumber FromInt64(long value) => Parse(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Exact sum; throws DynamoDB's ValidationException when the result does not fit.</summary>
    public static DynamoNumber operator +(DynamoNumber a, DynamoNumber b)
    {
        if (a.IsZero)
        {
            return b;
        }
        if (b.IsZero)
        {
            return a;
        }
        var exponent = Math.Min(a.Exponent, b.Exponent);
        var sum = (BigInteger)a.Mantissa * BigInteger.Pow(10, a.Exponent - exponent)
            + (BigInteger)b.Mantissa * BigInteger.Pow(10, b.Exponent - exponent);
        return FromBig(sum, exponent);
    }

    public static DynamoNumber operator -(DynamoNumber a) => new(-a.Mantissa, a.Exponent);

    public static DynamoNumber operator -(DynamoNumber a, DynamoNumber b) => a + -b;

    private static DynamoNumber FromBig(BigInteger mantissa, long exponent)
    {
        if (mantissa.IsZero)
        {
            return default;
        }
        while (mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }
        var text = BigInteger.Abs(mantissa).ToString(CultureInfo.InvariantCulture);
        var sign = mantissa.Sign < 0 ? "-" : "";
        return Parse($"{sign}{text}E{exponent.ToString(CultureInfo.InvariantCulture)}");
    }

    public int CompareTo(DynamoNumber other)
    {
        if (Sign != other.Sign)
        {
            return Sign.CompareTo(other.Sign);
        }
        if (Sign == 0)
        {
            return 0;
        }
        // Same sign: compare magnitudes by adjusted exponent, then digits aligned to 38 places.
        var adjA = Exponent + Digits - 1;
        var adjB = other.Exponent + other.Digits - 1;
        int magnitude;
        if (adjA != adjB)
        {
            magnitude = adjA.CompareTo(adjB);
        }
        else
        {
            var ma = Int128.Abs(Mantissa) * PowersOfTen[MaxDigits - Digits];
            var mb = Int128.Abs(other.Mantissa) * PowersOfTen[MaxDigits - other.Digits];
            magnitude = ma.CompareTo(mb);
        }
        return Sign > 0 ? magnitude : -magnitude;
    }

    public bool Equals(DynamoNumber other) => Mantissa == other.Mantissa && Exponent == other.Exponent;

    public override bool Equals(object? obj) => obj is DynamoNumber n && Equals(n);

    public override int GetHashCode() => HashCode.Combine(Mantissa, Exponent);

    public static bool operator ==(DynamoNumber a, DynamoNumber b) => a.Equals(b);

    public static bool operator !=(DynamoNumber a, DynamoNumber b) => !a.Equals(b);

    public static bool operator <(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) < 0;

    public static bool operator >(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) > 0;

    public static bool operator <=(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) <= 0;

    public static bool operator >=(DynamoNumber a, DynamoNumber b) => a.CompareTo(b) >= 0;

    /// <summary>The canonical plain form DynamoDB returns: no exponent, no trailing zeros, no leading '+'.</summary>
    public override string ToString()
    {
        if (Mantissa == 0)
        {
            return "0";
        }
        var digits = Int128.Abs(Mantissa).ToString(CultureInfo.InvariantCulture);
        var sign = Mantissa < 0 ? "-" : "";
        if (Exponent >= 0)
        {
            return sign + digits + new string('0', Exponent);
        }
        var point = digits.Length + Exponent;
        return point > 0
            ? sign + digits[..point] + "." + digits[point..]
            : sign + "0." + new string('0', -point) + digits;
    }

    private static int DigitCount(Int128 value)
    {
        var count = 1;
        while (count < PowersOfTen.Length && value >= PowersOfTen[count])
        {
            count++;
        }
        return count;
    }

    private static Int128[] BuildPowers()
    {
        var powers = new Int128[MaxDigits + 1];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }
        return powers;
    }
}
