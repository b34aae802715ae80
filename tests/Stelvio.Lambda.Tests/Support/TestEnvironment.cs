using Stelvio.Lambda.Context;

namespace Stelvio.Lambda.Tests.Support;

/// <summary>Environment variables of a test, in memory.</summary>
internal sealed class TestEnvironment(Dictionary<string, string?> values) : IEnvironmentVariables
{
    public Dictionary<string, string?> Values { get; } = values;

    public string? Get(string name) => Values.GetValueOrDefault(name);

    public void Set(string name, string? value) => Values[name] = value;
}

/// <summary>A clock stopped at one instant.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
