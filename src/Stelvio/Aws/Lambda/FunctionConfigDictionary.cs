using System.Collections;
using System.Globalization;
using System.Text;
using Stelvio.Links;

namespace Stelvio.Aws.Lambda;

/// <summary>
/// Reads the guide's dictionary form of a function's configuration
/// (<c>{"handler": "…", "timeout": 30, "memory": 256}</c>). Keys may be snake_case (<c>native_aot</c>),
/// camelCase or PascalCase; unknown keys and values of the wrong type are errors naming the key.
/// </summary>
internal static class FunctionConfigDictionary
{
    public static readonly string[] Keys = ["handler", "runtime", "memory", "timeout", "architecture", "native_aot", "links", "environment", "description", "tags"];

    /// <summary>The typed configuration: <paramref name="config"/> itself, or what its dictionary says.</summary>
    public static FunctionConfig Read(ConfigErrors errors, FunctionConfig config)
    {
        if (config.Source is not { } source)
        {
            return config;
        }

        var result = new FunctionConfig();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rawKey, value) in source)
        {
            var at = $"[\"{rawKey}\"]";
            var key = Normalize(rawKey) is "memory_size" ? "memory" : Normalize(rawKey);
            if (!seen.TryAdd(key, rawKey))
            {
                errors.Add(at, $"sets the same setting as '{seen[key]}'. Give each setting once.");
                continue;
            }

            switch (key)
            {
                case "handler":
                    result = result with { Handler = ReadString(errors, at, value, "a handler string") };
                    break;
                case "runtime":
                    result = result with { Runtime = ReadString(errors, at, value, "a runtime such as \"python3.12\"") };
                    break;
                case "memory":
                    result = result with { Memory = ReadInt(errors, at, value, "MB") };
                    break;
                case "timeout":
                    result = result with { Timeout = ReadInt(errors, at, value, "seconds") };
                    break;
                case "architecture":
                    result = result with { Architecture = ReadArchitecture(errors, at, value) };
                    break;
                case "native_aot":
                    result = result with { NativeAot = ReadBool(errors, at, value) };
                    break;
                case "links":
                    result = result with { Links = ReadLinks(errors, at, value) };
                    break;
                case "environment":
                    result = result with { Environment = ReadEnvironment(errors, at, value) };
                    break;
                case "description":
                    result = result with { Description = ReadString(errors, at, value, "text") };
                    break;
                case "tags":
                    result = result with { Tags = ReadTags(errors, at, value) };
                    break;
                default:
                    errors.Add(at, $"'{rawKey}' is not a function setting. Use: {string.Join(", ", Keys)}.");
                    break;
            }
        }

        return result;
    }

    /// <summary><c>nativeAot</c>, <c>NativeAot</c> and <c>native-aot</c> all become <c>native_aot</c>.</summary>
    private static string Normalize(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (char.IsUpper(c) && i > 0 && key[i - 1] != '_' && key[i - 1] != '-' && !char.IsUpper(key[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(c == '-' ? '_' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static string? ReadString(ConfigErrors errors, string at, object? value, string what)
    {
        if (value is string text)
        {
            return text;
        }

        errors.Add(at, $"must be {what} (a string), not {Describe(value)}.");
        return null;
    }

    private static int? ReadInt(ConfigErrors errors, string at, object? value, string unit)
    {
        switch (value)
        {
            case int number:
                return number;
            case long or short or byte when Convert.ToInt64(value, CultureInfo.InvariantCulture) is >= int.MinValue and <= int.MaxValue:
                return Convert.ToInt32(value, CultureInfo.InvariantCulture);
            default:
                errors.Add(at, $"must be a whole number of {unit}, not {Describe(value)}.");
                return null;
        }
    }

    private static bool? ReadBool(ConfigErrors errors, string at, object? value)
    {
        if (value is bool flag)
        {
            return flag;
        }

        errors.Add(at, $"must be true or false, not {Describe(value)}.");
        return null;
    }

    private static LambdaArchitecture? ReadArchitecture(ConfigErrors errors, string at, object? value)
    {
        var architecture = value switch
        {
            LambdaArchitecture typed => typed,
            string text => LambdaArchitectures.Parse(text),
            _ => null,
        };
        if (architecture is null)
        {
            errors.Add(at, $"must be \"x86_64\" or \"arm64\" (or LambdaArchitecture), not {Describe(value)}.");
        }

        return architecture;
    }

    private static List<ILinkable> ReadLinks(ConfigErrors errors, string at, object? value)
    {
        var links = new List<ILinkable>();
        if (value is not IEnumerable sequence || value is string)
        {
            errors.Add(at, $"must be a list of tables, functions or links, not {Describe(value)}.");
            return links;
        }

        var i = 0;
        foreach (var item in sequence)
        {
            if (item is ILinkable linkable)
            {
                links.Add(linkable);
            }
            else
            {
                errors.Add($"{at}[{i}]", $"is {Describe(item)}, which cannot be linked. Link tables, functions or Link objects.");
            }

            i++;
        }

        return links;
    }

    private static Dictionary<string, LinkValue> ReadEnvironment(ConfigErrors errors, string at, object? value)
    {
        var environment = new Dictionary<string, LinkValue>(StringComparer.Ordinal);
        if (value is not IDictionary dictionary)
        {
            errors.Add(at, $"must be a dictionary of variable names to values, not {Describe(value)}.");
            return environment;
        }

        foreach (DictionaryEntry entry in dictionary)
        {
            var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
            switch (entry.Value)
            {
                case string text:
                    environment[key] = text;
                    break;
                case Deferred<string> deferred:
                    environment[key] = deferred;
                    break;
                case LinkValue linkValue:
                    environment[key] = linkValue;
                    break;
                default:
                    errors.Add($"{at}[\"{key}\"]", $"must be a string or a deferred value such as orders.Name, not {Describe(entry.Value)}.");
                    break;
            }
        }

        return environment;
    }

    private static Dictionary<string, string> ReadTags(ConfigErrors errors, string at, object? value)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value is not IDictionary dictionary)
        {
            errors.Add(at, $"must be a dictionary of tag names to values, not {Describe(value)}.");
            return tags;
        }

        foreach (DictionaryEntry entry in dictionary)
        {
            var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
            if (entry.Value is string text)
            {
                tags[key] = text;
            }
            else
            {
                errors.Add($"{at}[\"{key}\"]", $"must be a string, not {Describe(entry.Value)}.");
            }
        }

        return tags;
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => $"{value} ({value.GetType().Name})",
    };
}
