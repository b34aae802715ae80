using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Stelvio.CloudFormation;

/// <summary>Turns the plain values users give to escape hatches (strings, numbers, lists, dictionaries, deferred values) into template JSON.</summary>
public static class CfnValue
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
        double d => JsonValue.Create(d),
        float f => JsonValue.Create(f),
        decimal m => JsonValue.Create(m),
        Enum e => JsonValue.Create(e.ToString()),
        IDictionary dictionary => FromDictionary(dictionary, component, property),
        IEnumerable sequence => new JsonArray(sequence.Cast<object?>().Select((v, i) => From(v, component, $"{property}[{i}]")).ToArray()),
        _ => throw new StelvioConfigException(component, property, $"a value of type {value.GetType().Name} cannot be written to a template. Use a string, number, bool, list, dictionary, JsonNode or deferred value."),
    };

    private static JsonObject FromDictionary(IDictionary dictionary, string component, string property)
    {
        var result = new JsonObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!;
            result[key] = From(entry.Value, component, $"{property}.{key}");
        }

        return result;
    }
}
