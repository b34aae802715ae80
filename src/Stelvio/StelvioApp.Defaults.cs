using Stelvio.Aws.Lambda;

namespace Stelvio;

public sealed partial class StelvioApp
{
    private FunctionDefaults functionDefaults = new();

    /// <summary>
    /// Settings (runtime, memory, timeout, architecture) every function of the app gets unless it gives its own,
    /// subscriptions' functions included. Set it first in the app's declaration: functions take the defaults when
    /// they are declared, so setting it after one is an error. Default: none (Stelvio's own defaults).
    /// </summary>
    /// <example>
    /// <code>
    /// app.FunctionDefaults = new() { Runtime = "python3.12", Timeout = TimeSpan.FromSeconds(30) };
    /// </code>
    /// </example>
    public FunctionDefaults FunctionDefaults
    {
        get => functionDefaults;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var errors = new ConfigErrors("App");
            if (Components.OfType<Function>().FirstOrDefault() is { } declared)
            {
                errors.Add("FunctionDefaults", $"is set after {declared.Display} was declared, which did not get them. Set FunctionDefaults first in the app's declaration.");
            }

            value.Check(errors);
            errors.ThrowIfAny();
            functionDefaults = value;
        }
    }
}
