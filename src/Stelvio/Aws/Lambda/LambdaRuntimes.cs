namespace Stelvio.Aws.Lambda;

/// <summary>The Lambda runtimes a function can use.</summary>
public static class LambdaRuntimes
{
    /// <summary>The OS-only runtime C# functions run on: the code is a self-contained executable named <c>bootstrap</c>.</summary>
    public const string Dotnet = "provided.al2023";

    /// <summary>The Python runtimes accepted, for the guide's Python handlers.</summary>
    public static IReadOnlyList<string> Python { get; } = ["python3.12", "python3.13", "python3.14"];

    /// <summary>All runtimes accepted, for messages.</summary>
    internal static string Accepted => $"\"{Dotnet}\" (C#, the default) or {string.Join(", ", Python.Select(p => $"\"{p}\""))}";

    internal static bool IsPython(string runtime) => Python.Contains(runtime, StringComparer.Ordinal);
}
