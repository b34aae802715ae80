using System.Text.RegularExpressions;

namespace Stelvio.Aws.Lambda;

/// <summary>
/// What a Python module defines at its top level, read from its source without running Python: functions
/// (<c>def</c>, <c>async def</c>), names assigned (<c>handler = make_handler()</c>) and names imported
/// (<c>from orders import handle</c>). Enough to tell at synth that a handler names nothing.
/// </summary>
internal static partial class PythonModule
{
    [GeneratedRegex(@"^(?:async[ \t]+)?def[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*\(", RegexOptions.Multiline)]
    private static partial Regex Def();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?::[^=\n]*)?=(?!=)", RegexOptions.Multiline)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^from[ \t]+[.A-Za-z0-9_]+[ \t]+import[ \t]+\(?([^)\n#]*)", RegexOptions.Multiline)]
    private static partial Regex FromImport();

    /// <summary>The top-level functions of <paramref name="source"/>, in order.</summary>
    public static IReadOnlyList<string> Functions(string source) =>
        Def().Matches(Normalize(source)).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Whether <paramref name="name"/> is defined, assigned or imported at the top level of <paramref name="source"/>.</summary>
    public static bool Defines(string source, string name)
    {
        var text = Normalize(source);
        return Functions(text).Contains(name)
            || Assignment().Matches(text).Any(m => m.Groups[1].Value == name)
            || FromImport().Matches(text).Any(m => m.Groups[1].Value.Split(',').Select(ImportedName).Contains(name));
    }

    private static string ImportedName(string part)
    {
        var words = part.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 3 && words[1] == "as" ? words[2] : words.FirstOrDefault() ?? "";
    }

    private static string Normalize(string source) => source.Replace("\r\n", "\n", StringComparison.Ordinal);
}
