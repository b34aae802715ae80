using System.Collections;

namespace Stelvio.Aws.DynamoDB;

/// <summary>
/// Reads the guide's dictionary form of an index (<c>{"sort_key": "status", "projections": ["total"]}</c>).
/// Keys may be given in snake_case (<c>sort_key</c>), camelCase or PascalCase.
/// </summary>
internal static class IndexDictionary
{
    private static readonly string[] LocalKeys = ["sort_key", "projections"];
    private static readonly string[] GlobalKeys = ["partition_key", "sort_key", "projections", "read_capacity", "write_capacity"];

    public static (string? SortKey, string? PartitionKey, Projection? Projection, int? Read, int? Write)? Read(
        ConfigErrors errors, string property, IReadOnlyDictionary<string, object?>? source, bool local)
    {
        if (source is null)
        {
            return null;
        }

        var allowed = local ? LocalKeys : GlobalKeys;
        string? sortKey = null;
        string? partitionKey = null;
        Projection? projection = null;
        int? read = null;
        int? write = null;
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rawKey, value) in source)
        {
            var key = Normalize(rawKey ?? "");
            var at = $"{property}[\"{rawKey}\"]";
            if (allowed.Contains(key) && !seen.TryAdd(key, rawKey!))
            {
                errors.Add(at, $"sets {key} again (also given as '{seen[key]}'). Give each setting once.");
                continue;
            }

            switch (key)
            {
                case "sort_key" when allowed.Contains(key):
                    sortKey = ReadString(errors, at, value);
                    break;
                case "partition_key" when allowed.Contains(key):
                    partitionKey = ReadString(errors, at, value);
                    break;
                case "projections":
                    projection = ReadProjection(errors, at, value);
                    break;
                case "read_capacity" when allowed.Contains(key):
                    read = ReadInt(errors, at, value);
                    break;
                case "write_capacity" when allowed.Contains(key):
                    write = ReadInt(errors, at, value);
                    break;
                default:
                    errors.Add(at, $"'{rawKey}' is not a setting of a {(local ? "local" : "global")} index. Use: {string.Join(", ", allowed)}.");
                    break;
            }
        }

        return (sortKey, partitionKey, projection, read, write);
    }

    /// <summary><c>sortKey</c>, <c>SortKey</c>, <c>SORT_KEY</c> and <c>sort-key</c> all become <c>sort_key</c>; <c>projection</c> becomes <c>projections</c>.</summary>
    private static string Normalize(string key)
    {
        if (!key.Any(char.IsLower))
        {
            key = key.ToLowerInvariant();
        }

        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (char.IsUpper(c) && i > 0 && key[i - 1] != '_')
            {
                builder.Append('_');
            }

            builder.Append(c == '-' ? '_' : char.ToLowerInvariant(c));
        }

        var normalized = builder.ToString();
        return normalized == "projection" ? "projections" : normalized;
    }

    private static string? ReadString(ConfigErrors errors, string at, object? value)
    {
        if (value is string text)
        {
            return text;
        }

        errors.Add(at, $"must be a field name (a string), not {Describe(value)}.");
        return null;
    }

    private static int? ReadInt(ConfigErrors errors, string at, object? value)
    {
        switch (value)
        {
            case int number:
                return number;
            case long or short or byte when Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) is var wide && wide is >= int.MinValue and <= int.MaxValue:
                return (int)wide;
        }

        errors.Add(at, $"must be a whole number, not {Describe(value)}.");
        return null;
    }

    private static Projection? ReadProjection(ConfigErrors errors, string at, object? value)
    {
        switch (value)
        {
            case Projection projection:
                return projection;
            case ProjectionType type:
                return type;
            case string text:
                return text;
            case IEnumerable sequence:
                var names = new List<string>();
                foreach (var item in sequence)
                {
                    if (item is string name)
                    {
                        names.Add(name);
                    }
                    else
                    {
                        errors.Add(at, $"must list attribute names (strings); it holds {Describe(item)}.");
                        return null;
                    }
                }

                return Projection.Include(names);
            default:
                errors.Add(at, $"must be \"keys-only\", \"all\" or a list of attribute names, not {Describe(value)}.");
                return null;
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => $"{value} ({value.GetType().Name})",
    };
}
