using System.Globalization;

namespace Stelvio.Configuration;

/// <summary>
/// One setting of a dictionary configuration (<see cref="ConfigDictionary"/>): its key in snake_case, where it was
/// given (for messages) and its value, with the readers every component shares. A reader that cannot take the value
/// reports it at <see cref="At"/> and returns null.
/// </summary>
internal sealed class ConfigEntry(ConfigErrors errors, string key, string at, object? value)
{
    /// <summary>The setting, in snake_case (<c>native_aot</c>).</summary>
    public string Key { get; } = key;

    /// <summary>Where the setting was given, as messages name it: <c>["nativeAot"]</c>, <c>LocalIndexes["x"]["sortKey"]</c>.</summary>
    public string At { get; } = at;

    public object? Value { get; } = value;

    /// <summary>Reports a problem with this setting.</summary>
    public void Fail(string message) => errors.Add(At, message);

    /// <summary>Reports a problem with a part of this setting's value: <paramref name="part"/> follows <see cref="At"/> (<c>[0]</c>, <c>["TABLE"]</c>).</summary>
    public void FailAt(string part, string message) => errors.Add(At + part, message);

    /// <summary>A string; <paramref name="what"/> says what it names (<c>a field name</c>).</summary>
    public string? String(string what)
    {
        if (Value is string text)
        {
            return text;
        }

        Fail($"must be {what} (a string), not {ConfigDictionary.Describe(Value)}.");
        return null;
    }

    /// <summary>A whole number that fits an <see cref="int"/>, of any integer type; <paramref name="unit"/> for messages (<c>MB</c>).</summary>
    public int? Int(string? unit = null)
    {
        if (WholeNumber(Value) is { } number)
        {
            return number;
        }

        Fail($"must be a whole number{(unit is null ? "" : " of " + unit)}, not {ConfigDictionary.Describe(Value)}.");
        return null;
    }

    public bool? Bool()
    {
        if (Value is bool flag)
        {
            return flag;
        }

        Fail($"must be true or false, not {ConfigDictionary.Describe(Value)}.");
        return null;
    }

    /// <summary>The guide's whole seconds, a <see cref="TimeSpan"/> or a <see cref="Stelvio.Duration"/>.</summary>
    public Duration? Duration()
    {
        switch (Value)
        {
            case Duration duration:
                return duration;
            case TimeSpan span:
                return span;
        }

        if (WholeNumber(Value) is { } seconds)
        {
            return seconds;
        }

        Fail($"must be a whole number of seconds or a TimeSpan, not {ConfigDictionary.Describe(Value)}.");
        return null;
    }

    private static int? WholeNumber(object? value) => value switch
    {
        int number => number,
        long or short or byte or sbyte or ushort or uint or ulong when Convert.ToDecimal(value, CultureInfo.InvariantCulture) is >= int.MinValue and <= int.MaxValue and var wide => (int)wide,
        _ => null,
    };
}
