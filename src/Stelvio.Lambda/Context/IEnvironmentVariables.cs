namespace Stelvio.Lambda.Context;

/// <summary>The process environment, behind an interface so that tests can give their own.</summary>
internal interface IEnvironmentVariables
{
    string? Get(string name);

    void Set(string name, string? value);
}

/// <summary>The real process environment.</summary>
internal sealed class SystemEnvironmentVariables : IEnvironmentVariables
{
    public string? Get(string name) => Environment.GetEnvironmentVariable(name);

    public void Set(string name, string? value) => Environment.SetEnvironmentVariable(name, value);
}
