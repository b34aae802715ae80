using System.Globalization;

namespace Stelvio.Aws.Lambda;

/// <summary>The checks on a function's runtime, memory and timeout, shared by a function and the app's <see cref="FunctionDefaults"/>.</summary>
internal static class FunctionSettingRules
{
    /// <summary>The runtime given, or null (reported when it was given but is unknown).</summary>
    public static LambdaRuntime? Runtime(ConfigErrors errors, string property, RuntimeSetting? setting)
    {
        if (setting is not { } given)
        {
            return null;
        }

        if (given.Runtime is { } runtime)
        {
            return runtime;
        }

        var text = given.ToString();
        errors.Add(property, $"'{text}' is not supported. Use {LambdaRuntimes.Accepted}." +
            (text.StartsWith("dotnet", StringComparison.OrdinalIgnoreCase) ? " C# functions run as self-contained executables on provided.al2023: leave Runtime out." : ""));
        return null;
    }

    public static void Memory(ConfigErrors errors, string property, int memory)
    {
        if (memory is < FunctionConfig.MinMemory or > FunctionConfig.MaxMemory)
        {
            errors.Add(property, $"{memory} MB is out of range; Lambda accepts {FunctionConfig.MinMemory} to {FunctionConfig.MaxMemory.ToString("N0", CultureInfo.InvariantCulture)} MB.");
        }
    }

    /// <summary>The timeout in whole seconds, or null when none is given or it is not whole (reported), or out of range (reported).</summary>
    public static int? TimeoutSeconds(ConfigErrors errors, string property, Duration? timeout)
    {
        if (Duration.Seconds(errors, property, timeout) is not { } seconds)
        {
            return null;
        }

        if (seconds is < 1 or > FunctionConfig.MaxTimeout)
        {
            errors.Add(property, $"{seconds} seconds is out of range; Lambda accepts 1 to {FunctionConfig.MaxTimeout} seconds (15 minutes).");
        }

        return seconds;
    }
}
