using System.Globalization;

namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>
/// Sequence numbers on the wire: the engine's increasing counter written as 21 decimal digits
/// (10^20 + counter, so no leading zero and comparable as integers, as clients such as the Kinesis adapter do).
/// </summary>
internal static class SequenceNumbers
{
    private const decimal Base = 100_000_000_000_000_000_000m;

    public static string Format(long sequence) => (Base + sequence).ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a sequence number this engine wrote; false for anything else.</summary>
    public static bool TryParse(string text, out long sequence)
    {
        sequence = 0;
        if (text.Length != 21 || !text.All(char.IsAsciiDigit)
            || !decimal.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < Base)
        {
            return false;
        }
        sequence = (long)(value - Base);
        return true;
    }

    /// <summary>True when the text is a well-formed sequence number by the API's shape (decimal digits, 21 to 40).</summary>
    public static bool IsWellFormed(string text) => text.Length is >= 21 and <= 40 && text.All(char.IsAsciiDigit);
}
