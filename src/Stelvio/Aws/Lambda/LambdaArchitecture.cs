namespace Stelvio.Aws.Lambda;

/// <summary>The processor a function runs on.</summary>
public enum LambdaArchitecture
{
    /// <summary>Lambda's <c>x86_64</c> (C# code is published for <c>linux-x64</c>). The default.</summary>
    X86_64,

    /// <summary>Lambda's <c>arm64</c>, AWS Graviton (C# code is published for <c>linux-arm64</c>).</summary>
    Arm64,
}

internal static class LambdaArchitectures
{
    /// <summary>Lambda's name for the architecture.</summary>
    public static string ToLambda(LambdaArchitecture architecture) => architecture switch
    {
        LambdaArchitecture.Arm64 => "arm64",
        _ => "x86_64",
    };

    /// <summary>Reads <c>x86_64</c>, <c>x64</c>, <c>arm64</c> (any case, '-' for '_').</summary>
    public static LambdaArchitecture? Parse(string? text) => text?.Trim().ToLowerInvariant().Replace('-', '_') switch
    {
        "x86_64" or "x64" => LambdaArchitecture.X86_64,
        "arm64" => LambdaArchitecture.Arm64,
        _ => null,
    };
}
