namespace Stelvio.Deploy.Aws;

/// <summary>
/// How often and how long to retry a refused or failed request: throttling (<c>Throttling</c>, HTTP 429)
/// up to <see cref="MaxThrottleAttempts"/> times, service failures (5xx) and network errors up to
/// <see cref="MaxTransientAttempts"/> times, waiting an exponentially growing, jittered delay.
/// </summary>
internal sealed record RetryPolicy
{
    /// <summary>The policy for AWS: Default: 10 throttled attempts, 4 failed ones, 0.5 s doubling up to 20 s.</summary>
    public static RetryPolicy Default { get; } = new();

    /// <summary>Attempts in all when AWS keeps throttling. Default: 10.</summary>
    public int MaxThrottleAttempts { get; init; } = 10;

    /// <summary>Attempts in all when the service fails (5xx) or cannot be reached. Default: 4.</summary>
    public int MaxTransientAttempts { get; init; } = 4;

    /// <summary>The first delay; doubled on each retry. Default: 0.5 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay. Default: 20 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The delay before retry number <paramref name="retry"/> (1 for the first): half fixed, half random.</summary>
    public TimeSpan DelayBefore(int retry)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry - 1)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }
}
