using System.Globalization;

namespace Stelvio.DynamoDB.Local.Streams;

/// <summary>
/// Collects the shape failures of one Streams request (lengths, ranges, enums, required members) in AWS's
/// words, then throws them together as one ValidationException, as AWS does before looking at any resource.
/// </summary>
internal sealed class StreamsRequestChecks
{
    private readonly List<string> _failures = [];

    public StreamsRequestChecks Required(string member, object? value)
    {
        if (value is null)
        {
            _failures.Add($"Value null at '{member}' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    public StreamsRequestChecks Length(string member, string? value, int min, int max)
    {
        if (value is not null && value.Length < min)
        {
            _failures.Add($"Value '{value}' at '{member}' failed to satisfy constraint: Member must have length greater than or equal to {min}");
        }
        else if (value is not null && value.Length > max)
        {
            _failures.Add($"Value '{value}' at '{member}' failed to satisfy constraint: Member must have length less than or equal to {max}");
        }
        return this;
    }

    public StreamsRequestChecks Range(string member, int? value, int min, int max)
    {
        var text = value?.ToString(CultureInfo.InvariantCulture);
        if (value < min)
        {
            _failures.Add($"Value '{text}' at '{member}' failed to satisfy constraint: Member must have value greater than or equal to {min}");
        }
        else if (value > max)
        {
            _failures.Add($"Value '{text}' at '{member}' failed to satisfy constraint: Member must have value less than or equal to {max}");
        }
        return this;
    }

    public StreamsRequestChecks Pattern(string member, string? value, System.Text.RegularExpressions.Regex regex, string pattern)
    {
        if (value is not null && !regex.IsMatch(value))
        {
            _failures.Add($"Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}");
        }
        return this;
    }

    public StreamsRequestChecks OneOf(string member, string? value, IReadOnlyList<string> allowed)
    {
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            _failures.Add($"Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
        }
        return this;
    }

    public void ThrowIfAny()
    {
        if (_failures.Count > 0)
        {
            throw StreamErrors.Constraints(_failures);
        }
    }
}
