namespace Stelvio.Aws.Lambda;

/// <summary>The Lambda runtimes a function can use (<see cref="FunctionConfig.Runtime"/>).</summary>
public enum LambdaRuntime
{
    /// <summary><c>"provided.al2023"</c>: C# code, published as a self-contained executable named <c>bootstrap</c>. The default.</summary>
    Dotnet,

    /// <summary><c>"python3.12"</c>, for the guide's Python handlers.</summary>
    Python312,

    /// <summary><c>"python3.13"</c>.</summary>
    Python313,

    /// <summary><c>"python3.14"</c>.</summary>
    Python314,
}

/// <summary>
/// A runtime as given in <see cref="FunctionConfig.Runtime"/>: a <see cref="LambdaRuntime"/> or Lambda's name for it
/// (<c>"python3.12"</c>, <c>"provided.al2023"</c>, any case). A name that is none of these is reported by the
/// function, naming the runtimes accepted.
/// </summary>
public readonly record struct RuntimeSetting
{
    private RuntimeSetting(LambdaRuntime? runtime, string? text)
    {
        Runtime = runtime;
        Text = text;
    }

    /// <summary>The runtime, or null when the text given was not a known name.</summary>
    public LambdaRuntime? Runtime { get; }

    /// <summary>The text given, when given as text.</summary>
    public string? Text { get; }

    /// <summary>A runtime given as <see cref="LambdaRuntime"/>.</summary>
    public static implicit operator RuntimeSetting(LambdaRuntime runtime) => Enum.IsDefined(runtime) ? new(runtime, null) : new(null, runtime.ToString());

    /// <summary>A runtime given as Lambda's name, e.g. <c>"python3.12"</c> (any case).</summary>
    public static implicit operator RuntimeSetting(string text) => new(LambdaRuntimes.Parse(text), text);

    /// <summary>The runtime as given, or Lambda's name for it.</summary>
    public override string ToString() => Text ?? (Runtime is { } runtime ? LambdaRuntimes.ToLambda(runtime) : "");
}
