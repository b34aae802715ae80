using System.Collections;
using System.Globalization;
using Stelvio.Configuration;
using Stelvio.Links;

namespace Stelvio.Aws.Lambda;

/// <summary>
/// Reads the guide's dictionary form of a function's configuration
/// (<c>{"handler": "…", "timeout": 30, "memory": 256}</c>) with the shared reader (<see cref="ConfigDictionary"/>):
/// keys in any case style, <c>memory_size</c> for <c>memory</c>, <c>timeout</c> in seconds or as a TimeSpan.
/// </summary>
internal static class FunctionConfigDictionary
{
    public static readonly string[] Keys = ["handler", "runtime", "memory", "timeout", "architecture", "native_aot", "links", "environment", "description", "tags"];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal) { ["memory_size"] = "memory" };

    /// <summary>The typed configuration: <paramref name="config"/> itself, or what its dictionary says.</summary>
    public static FunctionConfig Read(ConfigErrors errors, FunctionConfig config)
    {
        if (config.Source is not { } source)
        {
            return config;
        }

        var result = new FunctionConfig();
        foreach (var entry in ConfigDictionary.Entries(errors, "", source, "a function", Keys, Aliases))
        {
            result = entry.Key switch
            {
                "handler" => result with { Handler = entry.String("a handler string") },
                "runtime" => result with { Runtime = ReadRuntime(entry) },
                "memory" => result with { Memory = entry.Int("MB") },
                "timeout" => result with { Timeout = entry.Duration() },
                "architecture" => result with { Architecture = ReadArchitecture(entry) },
                "native_aot" => result with { NativeAot = entry.Bool() },
                "links" => result with { Links = ReadLinks(entry) },
                "environment" => result with { Environment = ReadEnvironment(entry) },
                "description" => result with { Description = entry.String("text") },
                "tags" => result with { Tags = ReadTags(entry) },
                _ => result,
            };
        }

        return result;
    }

    private static RuntimeSetting? ReadRuntime(ConfigEntry entry)
    {
        switch (entry.Value)
        {
            case LambdaRuntime runtime:
                return runtime;
            case RuntimeSetting setting:
                return setting;
        }

        if (entry.String("a runtime such as \"python3.12\"") is { } text)
        {
            return text;
        }

        return null;
    }

    private static LambdaArchitecture? ReadArchitecture(ConfigEntry entry)
    {
        var architecture = entry.Value switch
        {
            LambdaArchitecture typed => typed,
            string text => LambdaArchitectures.Parse(text),
            _ => null,
        };
        if (architecture is null)
        {
            entry.Fail($"must be \"x86_64\" or \"arm64\" (or LambdaArchitecture), not {ConfigDictionary.Describe(entry.Value)}.");
        }

        return architecture;
    }

    private static List<ILinkable> ReadLinks(ConfigEntry entry)
    {
        var value = entry.Value;
        var links = new List<ILinkable>();
        if (value is not IEnumerable sequence || value is string)
        {
            entry.Fail($"must be a list of tables, functions or links, not {ConfigDictionary.Describe(value)}.");
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
                entry.FailAt($"[{i}]", $"is {ConfigDictionary.Describe(item)}, which cannot be linked. Link tables, functions or Link objects.");
            }

            i++;
        }

        return links;
    }

    private static Dictionary<string, LinkValue> ReadEnvironment(ConfigEntry entry)
    {
        var value = entry.Value;
        var environment = new Dictionary<string, LinkValue>(StringComparer.Ordinal);
        if (value is not IDictionary dictionary)
        {
            entry.Fail($"must be a dictionary of variable names to values, not {ConfigDictionary.Describe(value)}.");
            return environment;
        }

        foreach (DictionaryEntry item in dictionary)
        {
            var key = Convert.ToString(item.Key, CultureInfo.InvariantCulture) ?? "";
            switch (item.Value)
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
                    entry.FailAt($"[\"{key}\"]", $"must be a string or a deferred value such as orders.Name, not {ConfigDictionary.Describe(item.Value)}.");
                    break;
            }
        }

        return environment;
    }

    private static Dictionary<string, string> ReadTags(ConfigEntry entry)
    {
        var value = entry.Value;
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value is not IDictionary dictionary)
        {
            entry.Fail($"must be a dictionary of tag names to values, not {ConfigDictionary.Describe(value)}.");
            return tags;
        }

        foreach (DictionaryEntry item in dictionary)
        {
            var key = Convert.ToString(item.Key, CultureInfo.InvariantCulture) ?? "";
            if (item.Value is string text)
            {
                tags[key] = text;
            }
            else
            {
                entry.FailAt($"[\"{key}\"]", $"must be a string, not {ConfigDictionary.Describe(item.Value)}.");
            }
        }

        return tags;
    }
}
