namespace Stelvio.Testing;

/// <summary>How <see cref="LocalCloud.StartAsync(string, string, Action{StelvioApp}, LocalCloudOptions, CancellationToken)"/> runs the app.</summary>
public sealed class LocalCloudOptions
{
    /// <summary>The folder handler paths are relative to; by default the project of the declaring method.</summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>A folder that keeps the tables between runs; by default they are in memory and gone when the cloud stops.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>How long a failed stream batch waits before retry N (1, 2, …); by default Lambda's back-off. Tests of retries pass <c>_ =&gt; TimeSpan.Zero</c>.</summary>
    public Func<int, TimeSpan>? RetryDelay { get; init; }
}
