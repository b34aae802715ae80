using System.Text;
using System.Text.Json;
using Stelvio.LocalCloud.Lambda;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Tests.Lambda;

/// <summary>Functions for the Lambda tests: Python handlers written to a temporary folder, and the C# test bootstrap.</summary>
internal sealed class LambdaTestFunctions : IDisposable
{
    private readonly List<string> directories = [];

    /// <summary>The C# test function binary's folder (its build output, copied beside the tests).</summary>
    public static string CSharpDirectory => Path.Combine(AppContext.BaseDirectory, "lambda-functions", "csharp");

    public static LocalFunction Function(
        string name,
        string runtime = "python3.12",
        string handler = "app.handler",
        double timeoutSeconds = 3,
        int memory = 128,
        IReadOnlyDictionary<string, string>? environment = null,
        int? reservedConcurrency = null,
        string? codeKey = null) =>
        new(
            name + "Function",
            name,
            $"arn:aws:lambda:{LocalAccount.DefaultRegion}:{LocalAccount.Id}:function:{name}",
            runtime,
            handler,
            memory,
            TimeSpan.FromSeconds(timeoutSeconds),
            "x86_64",
            environment ?? new Dictionary<string, string>(),
            $"arn:aws:iam::{LocalAccount.Id}:role/{name}-role",
            codeKey ?? name + ".zip",
            reservedConcurrency);

    /// <summary>A folder holding <paramref name="files"/> (name → source).</summary>
    public FunctionCode Code(params (string Name, string Source)[] files)
    {
        var directory = Path.Combine(Path.GetTempPath(), "stelvio-lambda-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        directories.Add(directory);
        foreach (var (name, source) in files)
        {
            File.WriteAllText(Path.Combine(directory, name), source);
        }

        return new FunctionCode(directory);
    }

    /// <summary>A service running <paramref name="functions"/> with the code given for each code key.</summary>
    public static LambdaService Service(IReadOnlyList<LocalFunction> functions, IReadOnlyDictionary<string, FunctionCode> code, Action<LambdaServiceOptionsBuilder>? configure = null)
    {
        var builder = new LambdaServiceOptionsBuilder();
        configure?.Invoke(builder);
        return new LambdaService(new LambdaServiceOptions
        {
            Functions = functions,
            Code = code,
            MaxConcurrencyPerFunction = builder.MaxConcurrency,
            ExtraEnvironment = builder.ExtraEnvironment,
            Log = builder.Log,
            Invoked = builder.Invoked,
        });
    }

    public static Task<InvocationResult> InvokeAsync(LambdaService service, string name, string payload = "{}") =>
        service.InvokeAsync(new InvocationRequest(name, Encoding.UTF8.GetBytes(payload), new InvocationTrigger("cli", null, 0)), CancellationToken.None);

    public static JsonElement Json(InvocationResult result) => JsonDocument.Parse(result.Payload).RootElement;

    public void Dispose()
    {
        foreach (var directory in directories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }
}

/// <summary>The options a test changes.</summary>
internal sealed class LambdaServiceOptionsBuilder
{
    public int MaxConcurrency { get; set; } = 10;

    public Func<LocalFunction, IReadOnlyDictionary<string, string>>? ExtraEnvironment { get; set; }

    public Action<FunctionLogLine>? Log { get; set; }

    public Action<InvocationResult>? Invoked { get; set; }
}
