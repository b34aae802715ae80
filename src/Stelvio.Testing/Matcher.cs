using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stelvio.Testing;

/// <summary>
/// Compares an expectation (anonymous object, dictionary, list, primitive, <see cref="JsonNode"/> or
/// <see cref="Match"/>) with template JSON. Objects match partially unless exact; arrays match element
/// by element with the same length.
/// </summary>
internal static class Matcher
{
    public static void Compare(object? expected, JsonNode? actual, bool present, string path, List<string> failures, bool exact)
    {
        if (expected is Match match)
        {
            match.Check(actual, present, path, failures);
            return;
        }

        if (!present)
        {
            failures.Add($"{path}: missing, expected {Match.Show(ToNode(expected))}");
            return;
        }

        var node = expected as JsonNode ?? ToNodeShallow(expected);
        switch (node)
        {
            case null:
                if (actual is not null)
                {
                    failures.Add($"{path}: expected null, found {Match.Show(actual)}");
                }

                break;
            case JsonObject:
                CompareObject(expected, actual, path, failures, exact);
                break;
            case JsonArray:
                CompareArray(expected, actual, path, failures, exact);
                break;
            default:
                if (!JsonNode.DeepEquals(node, actual))
                {
                    failures.Add($"{path}: expected {Match.Show(node)}, found {Match.Show(actual)}");
                }

                break;
        }
    }

    private static void CompareObject(object? expected, JsonNode? actual, string path, List<string> failures, bool exact)
    {
        if (actual is not JsonObject actualObject)
        {
            failures.Add($"{path}: expected an object, found {Match.Show(actual)}");
            return;
        }

        var members = Members(expected);
        foreach (var (key, value) in members)
        {
            var has = actualObject.TryGetPropertyValue(key, out var child);
            Compare(value, child, has, $"{path}.{key}", failures, exact);
        }

        if (exact)
        {
            foreach (var (key, value) in actualObject)
            {
                if (!members.Any(m => m.Key == key))
                {
                    failures.Add($"{path}.{key}: not expected, found {Match.Show(value)}");
                }
            }
        }
    }

    private static void CompareArray(object? expected, JsonNode? actual, string path, List<string> failures, bool exact)
    {
        if (actual is not JsonArray actualArray)
        {
            failures.Add($"{path}: expected an array, found {Match.Show(actual)}");
            return;
        }

        var items = expected is JsonArray jsonArray ? jsonArray.Cast<object?>().ToList() : ((IEnumerable)expected!).Cast<object?>().ToList();
        if (items.Count != actualArray.Count)
        {
            failures.Add($"{path}: expected {items.Count} elements, found {actualArray.Count}: {Match.Show(actualArray)}");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            Compare(items[i], actualArray[i], true, $"{path}[{i}]", failures, exact);
        }
    }

    private static List<KeyValuePair<string, object?>> Members(object? expected) => expected switch
    {
        JsonObject json => [.. json.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value))],
        IDictionary dictionary => Entries(dictionary),
        _ => [.. expected!.GetType().GetProperties().Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(expected)))],
    };

    // IDictionary's own enumerator yields DictionaryEntry; the generic one (what Cast<> uses) yields KeyValuePair.
    private static List<KeyValuePair<string, object?>> Entries(IDictionary dictionary)
    {
        var entries = new List<KeyValuePair<string, object?>>();
        var enumerator = dictionary.GetEnumerator();
        while (enumerator.MoveNext())
        {
            entries.Add(new(Convert.ToString(enumerator.Key, CultureInfo.InvariantCulture)!, enumerator.Value));
        }

        return entries;
    }

    /// <summary>Classifies an expectation without converting its children (which may hold <see cref="Match"/>es).</summary>
    private static JsonNode? ToNodeShallow(object? expected) => expected switch
    {
        null => null,
        string or bool or int or long or double or decimal or float => JsonValue.Create(JsonSerializer.SerializeToElement(expected)),
        Enum e => JsonValue.Create(e.ToString()),
        IDictionary => new JsonObject(),
        IEnumerable => new JsonArray(),
        _ => new JsonObject(),
    };

    /// <summary>Full conversion, for messages.</summary>
    public static JsonNode? ToNode(object? expected) => expected switch
    {
        null => null,
        JsonNode node => node,
        Match => JsonValue.Create("<" + expected.GetType().Name.Replace("Match", "", StringComparison.Ordinal) + ">"),
        string or bool or int or long or double or decimal or float or Enum => ToNodeShallow(expected),
        IDictionary or JsonObject => new JsonObject(Members(expected).Select(m => new KeyValuePair<string, JsonNode?>(m.Key, ToNode(m.Value)))),
        IEnumerable sequence => new JsonArray([.. sequence.Cast<object?>().Select(ToNode)]),
        _ => new JsonObject(Members(expected).Select(m => new KeyValuePair<string, JsonNode?>(m.Key, ToNode(m.Value)))),
    };
}
