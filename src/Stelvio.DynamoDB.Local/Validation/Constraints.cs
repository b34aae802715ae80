using System.Globalization;
using Stelvio.DynamoDB.Local.Errors;

namespace Stelvio.DynamoDB.Local.Validation;

/// <summary>
/// Collects the request-shape constraint failures AWS's front end reports together, as
/// <c>2 validation errors detected: Value 'x' at 'tableName' failed to satisfy constraint: …; …</c>.
/// </summary>
internal sealed class Constraints
{
    public const string NamePattern = "[a-zA-Z0-9_.-]+";

    private readonly List<string> _errors = [];

    public bool Any => _errors.Count > 0;

    public Constraints NotNull(object? value, string path)
    {
        if (value is null)
        {
            Fail(null, path, "Member must not be null");
        }
        return this;
    }

    public Constraints Length(string? value, string path, int min, int max)
    {
        if (value is null)
        {
            return this;
        }
        if (value.Length < min)
        {
            Fail(value, path, $"Member must have length greater than or equal to {min}");
        }
        if (value.Length > max)
        {
            Fail(value, path, $"Member must have length less than or equal to {max}");
        }
        return this;
    }

    public Constraints Count<T>(IReadOnlyCollection<T>? value, string path, int min, int max, Func<string>? show = null)
    {
        if (value is null)
        {
            return this;
        }
        if (value.Count < min)
        {
            Fail(show?.Invoke() ?? "[]", path, $"Member must have length greater than or equal to {min}");
        }
        if (value.Count > max)
        {
            Fail(show?.Invoke() ?? "[...]", path, $"Member must have length less than or equal to {max}");
        }
        return this;
    }

    public Constraints Name(string? value, string path, int min = 3, int max = 255)
    {
        NotNull(value, path);
        if (value is not null)
        {
            Length(value, path, min, max);
            if (!IsName(value))
            {
                Fail(value, path, "Member must satisfy regular expression pattern: " + NamePattern);
            }
        }
        return this;
    }

    public Constraints Enum(string? value, string path, params string[] allowed)
    {
        if (value is not null && Array.IndexOf(allowed, value) < 0)
        {
            Fail(value, path, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
        }
        return this;
    }

    public Constraints AtLeast(long? value, string path, long min)
    {
        if (value is { } v && v < min)
        {
            Fail(v.ToString(CultureInfo.InvariantCulture), path, $"Member must have value greater than or equal to {min}");
        }
        return this;
    }

    public Constraints AtMost(long? value, string path, long max)
    {
        if (value is { } v && v > max)
        {
            Fail(v.ToString(CultureInfo.InvariantCulture), path, $"Member must have value less than or equal to {max}");
        }
        return this;
    }

    public void Fail(string? shown, string path, string constraint) =>
        _errors.Add($"Value {(shown is null ? "null" : "'" + shown + "'")} at '{path}' failed to satisfy constraint: {constraint}");

    /// <summary>Throws the collected failures (at most ten, as AWS reports) as one ValidationException.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count == 0)
        {
            return;
        }
        var shown = _errors.Count > 10 ? _errors.GetRange(0, 10) : _errors;
        throw DynamoDbException.Validation($"{_errors.Count} validation error{(_errors.Count == 1 ? "" : "s")} detected: {string.Join("; ", shown)}");
    }

    public static bool IsName(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return false;
            }
        }
        return true;
    }
}
