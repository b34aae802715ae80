using System.Text;

namespace Stelvio.Configuration;

/// <summary>
/// The one reader of the guide's dictionary syntax, for every component that accepts it (a function's
/// configuration, an index): one rule for keys, one set of messages. A key may be snake_case (<c>native_aot</c>),
/// camelCase (<c>nativeAot</c>, <c>nativeAOT</c>), PascalCase, UPPER_CASE or kebab-case; all name the same setting.
/// An unknown key, a setting given twice and a value of the wrong type are errors naming the key as given.
/// </summary>
internal static class ConfigDictionary
{
    /// <summary>
    /// The entries of <paramref name="source"/> whose keys name one of <paramref name="keys"/> (directly or through
    /// <paramref name="aliases"/>), in order; the others are reported. <paramref name="at"/> is where the dictionary sits
    /// (<c>LocalIndexes["by-status"]</c>, or empty for a component's own configuration); <paramref name="settingsOf"/>
    /// names what the keys are settings of, for messages (<c>a function</c>, <c>a local index</c>).
    /// </summary>
    public static IReadOnlyList<ConfigEntry> Entries(
        ConfigErrors errors,
        string at,
        IReadOnlyDictionary<string, object?> source,
        string settingsOf,
        IReadOnlyList<string> keys,
        IReadOnlyDictionary<string, string>? aliases = null)
    {
        var entries = new List<ConfigEntry>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rawKey, value) in source)
        {
            var entryAt = $"{at}[\"{rawKey}\"]";
            var key = Key(rawKey ?? "");
            if (aliases is not null && aliases.TryGetValue(key, out var canonical))
            {
                key = canonical;
            }

            if (!keys.Contains(key))
            {
                errors.Add(entryAt, $"'{rawKey}' is not a setting of {settingsOf}. Use: {string.Join(", ", keys)}.");
            }
            else if (!seen.TryAdd(key, rawKey!))
            {
                errors.Add(entryAt, $"sets {key} again (also given as '{seen[key]}'). Give each setting once.");
            }
            else
            {
                entries.Add(new ConfigEntry(errors, key, entryAt, value));
            }
        }

        return entries;
    }

    /// <summary>
    /// The snake_case form of a key: words split at '_', '-' and spaces, before an upper-case letter that follows a
    /// lower-case letter or digit, and before the last capital of an acronym followed by lower case. So
    /// <c>nativeAot</c>, <c>nativeAOT</c>, <c>NativeAot</c>, <c>NATIVE_AOT</c> and <c>native-aot</c> all give <c>native_aot</c>.
    /// </summary>
    public static string Key(string key)
    {
        var builder = new StringBuilder(key.Length + 4);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c is '_' or '-' or ' ')
            {
                if (builder.Length > 0 && builder[^1] != '_')
                {
                    builder.Append('_');
                }

                continue;
            }

            if (char.IsUpper(c) && builder.Length > 0 && builder[^1] != '_')
            {
                var previous = key[i - 1];
                var next = i + 1 < key.Length ? key[i + 1] : '\0';
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)))
                {
                    builder.Append('_');
                }
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().TrimEnd('_');
    }

    /// <summary>How messages show a value that was given: <c>"text"</c>, <c>null</c>, <c>30 (Int64)</c>.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => $"{value} ({value.GetType().Name})",
    };
}
