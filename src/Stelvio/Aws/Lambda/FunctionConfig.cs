using Stelvio.Links;

namespace Stelvio.Aws.Lambda;

/// <summary>
/// Everything a <see cref="Function"/> can be given; only <see cref="Handler"/> is required. Also accepted as
/// the guide's dictionary form, <c>new Dictionary&lt;string, object?&gt; { ["handler"] = …, ["timeout"] = 30, ["memory"] = 256 }</c>,
/// with snake_case (<c>native_aot</c>), camelCase or PascalCase keys.
/// </summary>
/// <example>
/// <code>
/// new Function("process-user", new()
/// {
///     Handler = "functions/Orders::UserHandlers.Handler",
///     Links = [users],
///     Memory = 512,
///     Timeout = 60,
///     Environment = { ["LOG_LEVEL"] = "debug" },
/// });
/// </code>
/// </example>
public sealed record FunctionConfig
{
    /// <summary>Default <see cref="Memory"/>, in MB.</summary>
    public const int DefaultMemory = 128;

    /// <summary>Least <see cref="Memory"/> Lambda accepts, in MB.</summary>
    public const int MinMemory = 128;

    /// <summary>Most <see cref="Memory"/> Lambda accepts, in MB.</summary>
    public const int MaxMemory = 10_240;

    /// <summary>Default <see cref="Timeout"/>, in seconds.</summary>
    public const int DefaultTimeout = 60;

    /// <summary>Longest <see cref="Timeout"/> Lambda accepts, in seconds.</summary>
    public const int MaxTimeout = 900;

    /// <summary>Longest <see cref="Description"/> Lambda accepts, in characters.</summary>
    public const int MaxDescriptionLength = 256;

    /// <summary>
    /// The code to run. Two forms, chosen by <see cref="Runtime"/>:
    /// <list type="bullet">
    /// <item><description>
    /// C# (the default runtime): <c>"{folder}::{[Namespace.]Type.Method}"</c>, for example
    /// <c>"functions/Orders::OrderHandlers.ProcessChanges"</c>. The folder, relative to the app's project folder
    /// (<see cref="StelvioApp.ProjectDirectory"/>), holds exactly one <c>.csproj</c>; that project is published as
    /// the function's <c>bootstrap</c> executable. After <c>::</c> come the type (with its namespace, if any) and the
    /// static method, as C# identifiers separated by dots; that part becomes Lambda's <c>Handler</c>, which the
    /// Stelvio.Lambda runtime library dispatches on. Several functions may share a folder with different methods.
    /// </description></item>
    /// <item><description>
    /// Python (<see cref="Runtime"/> <c>"python3.12"</c> and later), the guide's form verbatim:
    /// <c>"{folder}/{module}.{function}"</c>, for example <c>"functions/orders.process_changes"</c> is the function
    /// <c>process_changes</c> in <c>functions/orders.py</c>. The folder holding the file is zipped as the code, and
    /// Lambda's <c>Handler</c> is <c>orders.process_changes</c>.
    /// </description></item>
    /// </list>
    /// Anything else is an error that shows the right form. The folder (and the Python file) must exist at synth.
    /// </summary>
    public string? Handler { get; init; }

    /// <summary>
    /// The Lambda runtime: a <see cref="LambdaRuntime"/> or Lambda's name for it. Default: the app's
    /// <see cref="StelvioApp.FunctionDefaults"/>, else <c>provided.al2023</c> (<see cref="LambdaRuntime.Dotnet"/>), where
    /// C# functions run as self-contained executables. Python handlers need <c>"python3.12"</c>
    /// (<see cref="LambdaRuntime.Python312"/>), <c>"python3.13"</c> or <c>"python3.14"</c>.
    /// </summary>
    public RuntimeSetting? Runtime { get; init; }

    /// <summary>Memory in MB, 128 to 10,240; CPU grows with it. Default: the app's <see cref="StelvioApp.FunctionDefaults"/>, else 128.</summary>
    public int? Memory { get; init; }

    /// <summary>
    /// Longest run of one invocation, 1 to 900 seconds: whole seconds (<c>30</c>) or a <see cref="TimeSpan"/>
    /// (<c>TimeSpan.FromMinutes(2)</c>). Default: the app's <see cref="StelvioApp.FunctionDefaults"/>, else 60 seconds.
    /// </summary>
    public Duration? Timeout { get; init; }

    /// <summary>The processor. Default: the app's <see cref="StelvioApp.FunctionDefaults"/>, else <see cref="LambdaArchitecture.X86_64"/>.</summary>
    public LambdaArchitecture? Architecture { get; init; }

    /// <summary>
    /// Publish C# code with Native AOT (smaller, faster to start; the handler project must be AOT-compatible).
    /// Default: the project's own <c>PublishAot</c> setting. Not for Python functions.
    /// </summary>
    public bool? NativeAot { get; init; }

    /// <summary>
    /// Components (tables, functions) and custom links whose access and settings the function gets, in order:
    /// each link's permissions become statements of the function's policy, its properties environment variables
    /// (<see cref="LinkEnvironment"/>). Default: none.
    /// </summary>
    public List<ILinkable> Links { get; init; } = [];

    /// <summary>
    /// Environment variables, plain or deferred (<c>["TABLE"] = orders.Name</c>). A variable given here wins over
    /// a link property of the same name. Default: none.
    /// </summary>
    public Dictionary<string, LinkValue> Environment { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The function's description in the console, at most 256 characters. Default: none.</summary>
    public string? Description { get; init; }

    /// <summary>Tags for the function and its role, added to the app's.</summary>
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The copy <c>with</c> makes: settings copied, and <see cref="Links"/>, <see cref="Environment"/> and
    /// <see cref="Tags"/> copied into new collections, so changing the copy's collections leaves the original's
    /// as they were (and the other way round).
    /// </summary>
    private FunctionConfig(FunctionConfig original)
    {
        Handler = original.Handler;
        Runtime = original.Runtime;
        Memory = original.Memory;
        Timeout = original.Timeout;
        Architecture = original.Architecture;
        NativeAot = original.NativeAot;
        Links = original.Links is null ? null! : [.. original.Links];
        Environment = original.Environment is null ? null! : new(original.Environment, original.Environment.Comparer);
        Description = original.Description;
        Tags = original.Tags is null ? null! : new(original.Tags, original.Tags.Comparer);
        Source = original.Source;
    }

    /// <summary>The guide's dictionary form, read (and checked) by the function that gets it.</summary>
    internal IReadOnlyDictionary<string, object?>? Source { get; init; }

    /// <summary>The guide's dictionary form: <c>{ ["handler"] = "functions/Orders::OrderHandlers.Handle", ["timeout"] = 30, ["memory"] = 256 }</c>.</summary>
    public static implicit operator FunctionConfig(Dictionary<string, object?> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new FunctionConfig { Source = source };
    }
}
