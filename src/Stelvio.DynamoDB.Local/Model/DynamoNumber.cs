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

    private readonly byte _digits;

    private DynamoNumber(Int128 mantissa, int exponent, int digits = 0)
    {
        Mantissa = mantissa;
        Exponent = exponent;
        _digits = (byte)(mantissa == 0 ? 1 : digits > 0 ? digits : DigitCount(Int128.Abs(mantissa)));
    }

    /// <summary>Signed digits without trailing zeros (0 for zero).</summary>
    public Int128 Mantissa { get; }

    /// <summary>Power of ten the mantissa is scaled by (0 for zero).</summary>
    public int Exponent { get; }

    public static DynamoNumber Zero => default;

    public bool IsZero => Mantissa == 0;

    public int Sign => Mantissa == 0 ? 0 : Mantissa < 0 ? -1 : 1;

    /// <summary>Number of significant digits (1 for zero).</summary>
    public int Digits => _digits == 0 ? 1 : _digits;

    /// <summary>AWS's message for a result or value above the range (also what it says for a sum needing more than 38 digits).</summary>
    public const string OverflowMessage = "Number overflow. Attempting to store a number with magnitude larger than supported range";

    /// <summary>AWS's message for a value below the range.</summary>
    public const string UnderflowMessage = "Number underflow. Attempting to store a number with magnitude smaller than supported range";

    /// <summary>AWS's message for a value with more than 38 significant digits.</summary>
    public const string TooManyDigitsMessage = "Attempting to store more than 38 significant digits in a Number";

    /// <summary>Parses a wire number, throwing DynamoDB's ValidationException when it is not one or out of range.</summary>
    public static DynamoNumber Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw DynamoDbException.Validation(error!);

    /// <summary>
    /// Parses a wire number as DynamoDB does (Java's BigDecimal syntax: optional sign, digits with an optional
    /// point, optional exponent; "+3", ".5", "5.", "1e+5" are numbers, " 1", "NaN", "Infinity" are not); on
    /// failure <paramref name="error"/> is DynamoDB's message.
    /// </summary>
    public static bool TryParse(string text, out DynamoNumber value, out string? error)
    {
        value = default;
        error = null;
        var s = text.AsSpan();
        var i = 0;
        var negative = false;
        if (i < s.Length && (s[i] == '-' || s[i] == '+'))
        {
            negative = s[i] == '-';
            i++;
        }
        Int128 mantissa = 0;
        int significant = 0, pendingZeros = 0, fractionDigits = 0, digitCount = 0, integerDigits = -1, firstSignificant = -1;
        var tooMany = false;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c is >= '0' and <= '9')
            {
                if (integerDigits >= 0)
                {
                    fractionDigits++;
                }
                if (c == '0')
                {
                    if (significant > 0 || tooMany)
                    {
                        pendingZeros++;
                    }
                }
                else
                {
                    if (firstSignificant < 0)
                    {
                        firstSignificant = digitCount;
                    }
                    if (tooMany || significant + pendingZeros + 1 > MaxDigits)
                    {
                        tooMany = true;
                    }
                    else
                    {
                        mantissa = mantissa * PowersOfTen[pendingZeros + 1] + (c - '0');
                        significant += pendingZeros + 1;
                        pendingZeros = 0;
                    }
                }
                digitCount++;
            }
            else if (c == '.' && integerDigits < 0)
            {
                integerDigits = digitCount;
            }
            else
            {
                break;
            }
        }
        if (integerDigits < 0)
        {
            integerDigits = digitCount;
        }
        long exponent = 0;
        if (digitCount > 0 && i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            var exponentNegative = false;
            if (i < s.Length && (s[i] == '-' || s[i] == '+'))
            {
                exponentNegative = s[i] == '-';
                i++;
            }
            var start = i;
            while (i < s.Length && s[i] is >= '0' and <= '9' && exponent <= int.MaxValue)
            {
                exponent = exponent * 10 + (s[i] - '0');
                i++;
            }
            if (i == start || exponent > int.MaxValue)
            {
                error = NotANumber(text);
                return false;
            }
            exponent = exponentNegative ? -exponent : exponent;
        }
        if (digitCount == 0 || i != s.Length)
        {
            error = NotANumber(text);
            return false;
        }
        if (firstSignificant < 0)
        {
            return true;
        }
        var adjusted = exponent + integerDigits - firstSignificant - 1;
        if (adjusted > MaxAdjustedExponent)
        {
            error = OverflowMessage;
            return false;
        }
        if (adjusted < MinAdjustedExponent)
        {
            error = UnderflowMessage;
            return false;
        }
        if (tooMany)
        {
            error = TooManyDigitsMessage;
            return false;
        }
        value = new DynamoNumber(negative ? -mantissa : mantissa, (int)(exponent - fractionDigits + pendingZeros), significant);
        return true;
    }

    private static string NotANumber(string text) =>
        text.Length == 0 ? "The parameter cannot be converted to a numeric value" : "The parameter cannot be converted to a numeric value: " + text;

    public static DynamoNumber FromInt64(long value)
    {
        if (value == 0)
        {
            return default;
        }
        var exponent = 0;
        while (value % 10 == 0)
        {
            value /= 10;
            exponent++;
        }
        return new DynamoNumber(value, exponent);
    }

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
        var shiftA = a.Exponent - exponent;
        var shiftB = b.Exponent - exponent;
        if (a.Digits + shiftA <= MaxDigits - 1 && b.Digits + shiftB <= MaxDigits - 1)
        {
            // Both terms are below 10^37, so the sum fits an Int128.
            return Normalize(a.Mantissa * PowersOfTen[shiftA] + b.Mantissa * PowersOfTen[shiftB], exponent);
        }
        var sum = (BigInteger)a.Mantissa * BigInteger.Pow(10, shiftA) + (BigInteger)b.Mantissa * BigInteger.Pow(10, shiftB);
        return Normalize(sum, exponent);
    }

    public static DynamoNumber operator -(DynamoNumber a) => new(-a.Mantissa, a.Exponent, a.Digits);

    public static DynamoNumber operator -(DynamoNumber a, DynamoNumber b) => a + -b;

    private static DynamoNumber Normalize(Int128 mantissa, long exponent)
    {
        if (mantissa == 0)
        {
            return default;
        }
        while (mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }
        return Checked(mantissa, exponent);
    }

    private static DynamoNumber Normalize(BigInteger mantissa, long exponent)
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
        if (BigInteger.Abs(mantissa) >= (BigInteger)PowersOfTen[MaxDigits])
        {
            throw DynamoDbException.Validation(OverflowMessage);
        }
        return Checked((Int128)mantissa, exponent);
    }

    private static DynamoNumber Checked(Int128 mantissa, long exponent)
    {
        var digits = DigitCount(Int128.Abs(mantissa));
        if (digits > MaxDigits)
        {
            throw DynamoDbException.Validation(OverflowMessage);
        }
        var adjusted = exponent + digits - 1;
        if (adjusted > MaxAdjustedExponent)
        {
            throw DynamoDbException.Validation(OverflowMessage);
        }
        if (adjusted < MinAdjustedExponent)
        {
            throw DynamoDbException.Validation(UnderflowMessage);
        }
        return new DynamoNumber(mantissa, (int)exponent, digits);
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
