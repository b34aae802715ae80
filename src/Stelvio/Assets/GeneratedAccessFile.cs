using System.Text.RegularExpressions;

namespace Stelvio.Assets;

/// <summary>
/// Recognizes the typed access files synth writes into function folders (<c>StelvioResources.{function}.g.cs</c>,
/// <c>stlv_resources_{function}.py</c>): by name, and by the header that says Stelvio wrote them and for which app.
/// Files of these names are left out of source hashes; a file with the header is one synth may replace or delete.
/// </summary>
internal static partial class GeneratedAccessFile
{
    /// <summary>How the name of a C# access file starts.</summary>
    public const string CSharpPrefix = "StelvioResources";

    /// <summary>How the name of a Python access module starts.</summary>
    public const string PythonPrefix = "stlv_resources";

    private const string Written = "Written by Stelvio at synth";

    [GeneratedRegex(@" of app '([^']*)'")]
    private static partial Regex AppName();

    /// <summary>The header line (without its comment marker) of the file synth writes for <paramref name="function"/> of <paramref name="app"/>.</summary>
    public static string Header(string app, string function) => $"{Written} of app '{app}' from the links of function '{function}'.";

    /// <summary>Whether synth writes files of this name: <c>StelvioResources*.g.cs</c> or <c>stlv_resources*.py</c>.</summary>
    public static bool IsAccessFileName(string fileName) =>
        (fileName.StartsWith(CSharpPrefix, StringComparison.Ordinal) && fileName.EndsWith(".g.cs", StringComparison.Ordinal))
        || (fileName.StartsWith(PythonPrefix, StringComparison.Ordinal) && fileName.EndsWith(".py", StringComparison.Ordinal));

    /// <summary>
    /// Whether the file at <paramref name="path"/> is an access file synth wrote for <paramref name="app"/>: its name is
    /// an access file's and its header says so. A header naming no app was written by an earlier version, which wrote
    /// one file for the whole folder; it counts as every app's, since no app generates it any more.
    /// </summary>
    public static bool IsWrittenFor(string path, string app)
    {
        if (!IsAccessFileName(Path.GetFileName(path)) || !File.Exists(path))
        {
            return false;
        }

        using var reader = new StreamReader(path);
        for (var i = 0; i < 5 && reader.ReadLine() is { } line; i++)
        {
            if (line.Contains(Written, StringComparison.Ordinal))
            {
                var owner = AppName().Match(line);
                return !owner.Success || owner.Groups[1].Value == app;
            }
        }

        return false;
    }
}
