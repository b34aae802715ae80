namespace Stelvio.Aws.Lambda;

/// <summary>
/// Settings every function of an app gets unless it gives its own (<see cref="StelvioApp.FunctionDefaults"/>), so that,
/// for example, a Python app names its runtime once instead of on every function and subscription.
/// </summary>
/// <example>
/// <code>
/// return await StelvioApp.RunAsync(args, "shop", app =>
/// {
///     app.FunctionDefaults = new() { Runtime = LambdaRuntime.Python312, Memory = 256, Timeout = TimeSpan.FromSeconds(30) };
///     orders.Subscribe("process-orders", "functions/orders.process_changes");   // python3.12, 256 MB, 30 s
/// });
/// </code>
/// </example>
public sealed class FunctionDefaults
{
    /// <summary>The runtime of functions that give none (<see cref="FunctionConfig.Runtime"/>). Default: <c>provided.al2023</c>.</summary>
    public RuntimeSetting? Runtime { get; init; }

    /// <summary>The memory, in MB, of functions that give none (<see cref="FunctionConfig.Memory"/>). Default: 128.</summary>
    public int? Memory { get; init; }

    /// <summary>The timeout of functions that give none (<see cref="FunctionConfig.Timeout"/>). Default: 60 seconds.</summary>
    public Duration? Timeout { get; init; }

    /// <summary>The processor of functions that give none (<see cref="FunctionConfig.Architecture"/>). Default: <see cref="LambdaArchitecture.X86_64"/>.</summary>
    public LambdaArchitecture? Architecture { get; init; }

    /// <summary>Checks the defaults with the rules a function's own settings follow.</summary>
    internal void Check(ConfigErrors errors)
    {
        FunctionSettingRules.Runtime(errors, "FunctionDefaults.Runtime", Runtime);
        if (Memory is { } memory)
        {
            FunctionSettingRules.Memory(errors, "FunctionDefaults.Memory", memory);
        }

        FunctionSettingRules.TimeoutSeconds(errors, "FunctionDefaults.Timeout", Timeout);
        if (Architecture is { } architecture && !Enum.IsDefined(architecture))
        {
            errors.Add("FunctionDefaults.Architecture", $"'{architecture}' is not a processor. Use LambdaArchitecture.X86_64 or Arm64.");
        }
    }
}
