namespace Stelvio.Aws.Lambda;

/// <summary>The Lambda runtimes a function can use, by Lambda's names.</summary>
public static class LambdaRuntimes
{
    /// <summary>The OS-only runtime C# functions run on: the code is a self-contained executable named <c>bootstrap</c>.</summary>
    public const string Dotnet = "provided.al2023";

    /// <summary>The Python runtimes accepted, for the guide's Python handlers.</summary>
    public static IReadOnlyList<string> Python { get; } = ["python3.12", "python3.13", "python3.14"];

    /// <summary>All runtimes accepted, for messages.</summary>
    internal static string Accepted => $"\"{Dotnet}\" (C#, the default) or {string.Join(", ", Python.Select(p => $"\"{p}\""))} (or LambdaRuntime)";

    internal static bool IsPython(LambdaRuntime runtime) => runtime is not LambdaRuntime.Dotnet;

    /// <summary>Lambda's name for the runtime.</summary>
    internal static string ToLambda(LambdaRuntime runtime) => runtime switch
    {
        LambdaRuntime.Python312 => "python3.12",
        LambdaRuntime.Python313 => "python3.13",
        LambdaRuntime.Python314 => "python3.14",
        _ => Dotnet,
    };

    /// <summary>Reads Lambda's names (<c>python3.12</c>, <c>provided.al2023</c>), any case.</summary>
    internal static LambdaRuntime? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        Dotnet => LambdaRuntime.Dotnet,
        "python3.12" => LambdaRuntime.Python312,
        "python3.13" => LambdaRuntime.Python313,
        "python3.14" => LambdaRuntime.Python314,
        _ => null,
    };
}
