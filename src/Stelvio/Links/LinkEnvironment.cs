using System.Text;

namespace Stelvio.Links;

/// <summary>
/// How link properties are named in a function's environment: <c>STLV_{LINK}_{PROPERTY}</c>, where each
/// part is upper-cased and every character that is not an ASCII letter or digit becomes <c>_</c>. A link
/// name that starts with a digit has that digit spelt out in English followed by <c>_</c>, so that the
/// typed accessors generated from it are identifiers too: link <c>orders</c>, property <c>table_name</c>
/// → <c>STLV_ORDERS_TABLE_NAME</c>; link <c>user-profiles</c> → <c>STLV_USER_PROFILES_…</c>; link
/// <c>3d-models</c> → <c>STLV_THREE_D_MODELS_…</c>.
/// Two link properties that give the same variable are an error; a variable set in the function's own
/// <c>Environment</c> wins over a link property of the same name.
/// </summary>
public static class LinkEnvironment
{
    /// <summary>The prefix of every link variable.</summary>
    public const string Prefix = "STLV_";

    private static readonly string[] Digits = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"];

    /// <summary>The environment variable for <paramref name="property"/> of link <paramref name="link"/>.</summary>
    public static string VariableName(string link, string property) => $"{Prefix}{LinkSegment(link)}_{Segment(property)}";

    /// <summary>The link's part of its variables' names: <c>user-profiles</c> → <c>USER_PROFILES</c>.</summary>
    public static string LinkSegment(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var segment = Segment(link);
        if (segment.Length > 0 && char.IsAsciiDigit(segment[0]))
        {
            var rest = segment[1..];
            var word = Digits[segment[0] - '0'];
            segment = rest.Length == 0 ? word : word + (rest[0] == '_' ? "" : "_") + rest;
        }

        return segment;
    }

    /// <summary>Upper case, with every character that is not an ASCII letter or digit turned into <c>_</c>.</summary>
    public static string Segment(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        return builder.ToString();
    }
}
