namespace Stelvio.Tests.Support;

/// <summary>Assertions on the errors of a <see cref="StelvioConfigException"/>, with the full message text.</summary>
public static class Errors
{
    /// <summary>Asserts the exception holds exactly this one error.</summary>
    public static void Single(StelvioConfigException exception, string component, string? property, string message)
    {
        var error = Assert.Single(exception.Errors);
        Assert.Equal(new ConfigError(component, property, message), error);
        Assert.Equal(error.ToString(), exception.Message);
    }

    /// <summary>Asserts the exception holds this error, among others.</summary>
    public static void Has(StelvioConfigException exception, string component, string? property, string message) =>
        Assert.True(
            exception.Errors.Contains(new ConfigError(component, property, message)),
            $"Expected the error\n  {new ConfigError(component, property, message)}\nbut found:\n  {string.Join("\n  ", exception.Errors)}");
}
