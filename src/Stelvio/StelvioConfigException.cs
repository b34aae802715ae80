namespace Stelvio;

/// <summary>One problem with how a component was declared: who, which setting, what is wrong and how to fix it.</summary>
/// <param name="Component">The component, as "Kind 'name'" (for example <c>DynamoTable 'orders'</c>), or the app.</param>
/// <param name="Property">The setting at fault, as a path (for example <c>GlobalIndexes["by-status"].PartitionKey</c>), or null.</param>
/// <param name="Message">What is wrong and what to do about it.</param>
public sealed record ConfigError(string Component, string? Property, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Property is null ? $"{Component}: {Message}" : $"{Component}: {Property}: {Message}";
}

/// <summary>
/// Thrown when an app is declared or synthesized with settings that cannot work.
/// Nothing is written when it is thrown. <see cref="Errors"/> lists every problem found together.
/// </summary>
public sealed class StelvioConfigException : Exception
{
    /// <summary>Reports every problem in <paramref name="errors"/> together.</summary>
    public StelvioConfigException(IReadOnlyList<ConfigError> errors)
        : base(Format(errors))
    {
        Errors = errors;
    }

    /// <summary>Reports one problem of <paramref name="component"/>'s <paramref name="property"/> (or of the component, when null).</summary>
    public StelvioConfigException(string component, string? property, string message)
        : this([new ConfigError(component, property, message)])
    {
    }

    /// <summary>The problems found, in declaration order.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    private static string Format(IReadOnlyList<ConfigError> errors) =>
        errors.Count == 1
            ? errors[0].ToString()
            : $"{errors.Count} problems:{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "  - " + e));
}

/// <summary>Collects configuration errors so that a component reports all of them at once.</summary>
internal sealed class ConfigErrors(string component)
{
    private readonly List<ConfigError> errors = [];

    public string Component { get; } = component;

    public int Count => errors.Count;

    public void Add(string? property, string message) => errors.Add(new ConfigError(Component, property, message));

    /// <summary>Adds the errors collected apart in <paramref name="other"/>, in their order.</summary>
    public void AddFrom(ConfigErrors other) => errors.AddRange(other.errors);

    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw new StelvioConfigException(errors.ToArray());
        }
    }
}
