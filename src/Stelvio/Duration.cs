using System.Globalization;

namespace Stelvio;

/// <summary>
/// A length of time as configuration takes it: the guide's whole seconds (<c>Timeout = 30</c>) or a
/// <see cref="TimeSpan"/> (<c>Timeout = TimeSpan.FromMinutes(2)</c>). AWS counts these settings in whole
/// seconds, so a <see cref="TimeSpan"/> with a fraction of a second is reported by the component, naming the setting.
/// </summary>
public readonly record struct Duration
{
    private Duration(TimeSpan value)
    {
        Value = value;
    }

    /// <summary>The length of time.</summary>
    public TimeSpan Value { get; }

    /// <summary>The whole seconds, or null when <see cref="Value"/> has a fraction of a second (or does not fit an <see cref="int"/>).</summary>
    internal int? WholeSeconds => Value.Ticks % TimeSpan.TicksPerSecond == 0 && Value.Ticks / TimeSpan.TicksPerSecond is >= int.MinValue and <= int.MaxValue
        ? (int)(Value.Ticks / TimeSpan.TicksPerSecond)
        : null;

    /// <summary>A duration in whole seconds, as the guide writes it.</summary>
    public static implicit operator Duration(int seconds) => new(TimeSpan.FromSeconds(seconds));

    /// <summary>A duration as a <see cref="TimeSpan"/>; it must be whole seconds.</summary>
    public static implicit operator Duration(TimeSpan value) => new(value);

    /// <summary>The whole seconds of <paramref name="value"/>, or an error naming <paramref name="property"/>.</summary>
    internal static int? Seconds(ConfigErrors errors, string property, Duration? value)
    {
        if (value is not { } duration)
        {
            return null;
        }

        if (duration.WholeSeconds is { } seconds)
        {
            return seconds;
        }

        errors.Add(property, $"{duration} is not a whole number of seconds; AWS takes this setting in whole seconds. Round it (TimeSpan.FromSeconds(n)) or give the seconds as a number.");
        return null;
    }

    /// <summary><c>30 seconds</c> when whole, else the <see cref="TimeSpan"/> (<c>00:00:01.5000000</c>).</summary>
    public override string ToString() => WholeSeconds is { } seconds
        ? seconds.ToString(CultureInfo.InvariantCulture) + (seconds is 1 or -1 ? " second" : " seconds")
        : Value.ToString("c", CultureInfo.InvariantCulture);
}
