using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Stelvio.CloudFormation;

/// <summary>Turns the plain values users give to escape hatches (strings, numbers, lists, dictionaries, deferred values) into template JSON.</summary>
internal static class CfnValue
{
    /// <summary>The template JSON for <paramref name="value"/>; throws naming <paramref name="component"/> and <paramref name="property"/> for a type that has none.</summary>
    public static JsonNode? From(object? value, string component, string property) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        Deferred<string> deferred => deferred.ToCloudFormation(),
        CfnExpression expression => expression.ToJson(),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        short h => JsonValue.Create(h),
        byte or sbyte or ushort or uint or ulong => JsonValue.Create(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        double d when double.IsFinite(d) => JsonValue.Create(d),
        float f when float.IsFinite(f) => JsonValue.Create(f),
        double or float => throw new StelvioConfigException(component, property, $"{Convert.ToString(value, CultureInfo.InvariantCulture)} cannot be written to a template: JSON holds only finite numbers. Give a finite number."),
        decimal m => JsonValue.Create(m),
        Enum e => JsonValue.Create(e.ToString()),
        IDictionary dictionary => FromDictionary(dictionary, component, property),
        IEnumerable sequence => new JsonArray(sequence.Cast<object?>().Select((v, i) => From(v, component, $"{property}[{i}]")).ToArray()),
        _ => throw new StelvioConfigException(component, property, $"a value of type {value.GetType().Name} cannot be written to a template. Use a string, number, bool, list, dictionary, JsonNode or deferred value."),
    };

    // Hash-ordered dictionaries (Hashtable, ImmutableDictionary, ConcurrentDictionary) enumerate strings in an order
    // that changes from run to run, so their keys are sorted; these keep a deterministic order, which is preserved.
    private static bool KeepsOrder(IDictionary dictionary) =>
        dictionary.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() is var definition &&
        (definition == typeof(Dictionary<,>) || definition == typeof(SortedDictionary<,>) || definition == typeof(SortedList<,>) || definition == typeof(OrderedDictionary<,>));

    private static JsonObject FromDictionary(IDictionary dictionary, string component, string property)
    {
        var entries = new List<(string Key, object? Value)>(dictionary.Count);
        for (var e = dictionary.GetEnumerator(); e.MoveNext();)
        {
            entries.Add((Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "", e.Value));
        }

        if (!KeepsOrder(dictionary))
        {
            entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        }

        var result = new JsonObject();
        foreach (var (key, value) in entries)
        {
            result[key] = From(value, component, $"{property}.{key}");
        }

        return result;
    }
}
