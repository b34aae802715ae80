using System.Globalization;
using System.Text.Json.Nodes;

namespace Stelvio.CloudFormation;

/// <summary>
/// The escape hatch: raw CloudFormation properties set or removed on a synthesized resource after
/// Stelvio has written its own, addressed by a dotted path (<c>SSESpecification.SSEEnabled</c>).
/// A segment that is a whole number indexes into an array (<c>GlobalSecondaryIndexes.0.IndexName</c>);
/// objects missing on the way are created when setting.
/// </summary>
internal sealed class PropertyOverrides
{
    private readonly List<(string Path, object? Value, bool Remove)> overrides = [];

    /// <summary>Whether no override was given.</summary>
    public bool IsEmpty => overrides.Count == 0;

    /// <summary>The message for a path that cannot address a property, or null when it can.</summary>
    public static string? CheckPath(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "the property path is empty. Give a dotted path such as \"SSESpecification.SSEEnabled\".";
        }

        return path.Split('.').Any(s => s.Length == 0 || s.Trim() != s)
            ? $"the property path '{path}' has an empty segment or spaces around a segment. Give a dotted path such as \"SSESpecification.SSEEnabled\"."
            : null;
    }

    /// <summary>Sets the property at <paramref name="path"/>, creating objects on the way.</summary>
    /// <param name="path">The dotted path.</param>
    /// <param name="value">The value written there.</param>
    /// <param name="component">The component declaring it, for the error a bad path raises (<c>Function 'orders-api'</c>).</param>
    /// <param name="method">The method called, for that error (<c>AddPropertyOverride</c>).</param>
    public void Set(string path, object? value, string component, string method)
    {
        ThrowIfBad(path, component, method);
        overrides.Add((path, value, false));
    }

    /// <summary>Removes the property at <paramref name="path"/> if it is there.</summary>
    /// <param name="path">The dotted path.</param>
    /// <param name="component">The component declaring it, for the error a bad path raises.</param>
    /// <param name="method">The method called, for that error (<c>RemovePropertyOverride</c>).</param>
    public void Remove(string path, string component, string method)
    {
        ThrowIfBad(path, component, method);
        overrides.Add((path, null, true));
    }

    internal void ApplyTo(CfnResource resource)
    {
        var component = resource.Component ?? resource.LogicalId;
        foreach (var (path, value, remove) in overrides)
        {
            var property = $"property override '{path}'";
            var segments = path.Split('.');
            JsonNode? target = resource.Properties;
            for (var i = 0; i < segments.Length - 1 && target is not null; i++)
            {
                target = Step(target, segments[i], create: !remove, component, property);
            }

            if (target is null)
            {
                continue;
            }

            var last = segments[^1];
            var json = remove ? null : CfnValue.From(value, component, property);
            switch (target)
            {
                case JsonObject obj when remove:
                    obj.Remove(last);
                    break;
                case JsonObject obj:
                    obj[last] = json;
                    break;
                case JsonArray array when Index(last, array, allowAppend: !remove) is { } index:
                    if (remove)
                    {
                        array.RemoveAt(index);
                    }
                    else if (index == array.Count)
                    {
                        array.Add(json);
                    }
                    else
                    {
                        array[index] = json;
                    }

                    break;
                case JsonArray when remove:
                    break;
                default:
                    throw new StelvioConfigException(component, property, Mismatch(target, last));
            }
        }
    }

    private static void ThrowIfBad(string path, string component, string method)
    {
        if (CheckPath(path) is { } problem)
        {
            throw new StelvioConfigException(component, method, problem);
        }
    }

    /// <summary>The child of <paramref name="node"/> named by <paramref name="segment"/>; null when removing and it is not there.</summary>
    private static JsonNode? Step(JsonNode node, string segment, bool create, string component, string property)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj[segment] is JsonObject or JsonArray)
                {
                    return obj[segment];
                }

                if (obj.ContainsKey(segment) && obj[segment] is not null)
                {
                    throw new StelvioConfigException(component, property, $"'{segment}' holds {obj[segment]!.ToJsonString()}, not an object or array, so the path cannot go through it.");
                }

                if (!create)
                {
                    return null;
                }

                var created = new JsonObject();
                obj[segment] = created;
                return created;
            case JsonArray array:
                if (Index(segment, array, allowAppend: false) is { } index && array[index] is JsonObject or JsonArray)
                {
                    return array[index];
                }

                if (!create)
                {
                    return null;
                }

                throw new StelvioConfigException(component, property, Mismatch(array, segment));
            default:
                throw new StelvioConfigException(component, property, Mismatch(node, segment));
        }
    }

    private static int? Index(string segment, JsonArray array, bool allowAppend) =>
        int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count + (allowAppend ? 1 : 0)
            ? index
            : null;

    private static string Mismatch(JsonNode node, string segment) => node is JsonArray array
        ? $"'{segment}' does not index the array there, which has {array.Count} element{(array.Count == 1 ? "" : "s")} (use 0 to {array.Count - 1}, or {array.Count} to append)."
        : $"the path reaches {node.ToJsonString()}, which has no property '{segment}'.";
}
