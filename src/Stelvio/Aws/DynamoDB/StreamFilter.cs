using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stelvio.Aws.DynamoDB;

/// <summary>The kind of change a stream record describes.</summary>
public enum StreamEventName
{
    /// <summary><c>INSERT</c>: a new item.</summary>
    Insert,

    /// <summary><c>MODIFY</c>: an item changed.</summary>
    Modify,

    /// <summary><c>REMOVE</c>: an item deleted (also by TTL).</summary>
    Remove,
}

/// <summary>
/// A Lambda event filter for a stream subscription: only records matching it invoke the function (records
/// that match no filter are dropped, and cost nothing). Build one with the typed helpers, which write the
/// filter pattern JSON, or give a raw pattern. A subscription takes at most 5 filters; a record passes if it
/// matches any of them.
/// </summary>
/// <example>
/// <code>
/// StreamFilter.ForEvents(StreamEventName.Insert)                       // {"eventName":["INSERT"]}
/// StreamFilter.ForEvents(StreamEventName.Modify)
///     .WhereNewImage("status", FieldType.String, "shipped", "delivered") // …"dynamodb":{"NewImage":{"status":{"S":["shipped","delivered"]}}}
/// StreamFilter.Raw("""{"dynamodb":{"NewImage":{"total":{"N":[{"numeric":[">",100]}]}}}}""")
/// </code>
/// </example>
public sealed class StreamFilter
{
    /// <summary>Longest pattern Lambda accepts, in characters.</summary>
    public const int MaxPatternLength = 4096;

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly JsonObject pattern;

    private StreamFilter(JsonObject pattern) => this.pattern = pattern;

    /// <summary>The filter pattern, as the template writes it.</summary>
    public string Pattern => pattern.ToJsonString(Compact);

    /// <summary>Whether the pattern has no condition (it would let every record through).</summary>
    internal bool IsEmpty => pattern.Count == 0;

    /// <summary>The item images the pattern matches on: <c>NewImage</c>, <c>OldImage</c>.</summary>
    internal IEnumerable<string> Images => pattern["dynamodb"] is JsonObject dynamodb
        ? dynamodb.Select(p => p.Key).Where(k => k is "NewImage" or "OldImage")
        : [];

    /// <summary>A raw filter pattern (a JSON object), as in Lambda's event filtering documentation.</summary>
    public static StreamFilter Raw(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(pattern);
        }
        catch (JsonException exception)
        {
            throw new StelvioConfigException("StreamFilter", "Raw", $"the pattern is not valid JSON ({exception.Message}): {pattern}");
        }

        return node is JsonObject json
            ? new StreamFilter(json)
            : throw new StelvioConfigException("StreamFilter", "Raw", $"the pattern must be a JSON object such as {{\"eventName\": [\"INSERT\"]}}, not {pattern}.");
    }

    /// <summary>Records of the given kinds of change only.</summary>
    public static StreamFilter ForEvents(params StreamEventName[] events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Length == 0)
        {
            throw new StelvioConfigException("StreamFilter", "ForEvents", "names no event. Give INSERT, MODIFY and/or REMOVE (StreamEventName), or use ForAllEvents().");
        }

        return new StreamFilter(new JsonObject
        {
            ["eventName"] = new JsonArray([.. events.Distinct().Select(e => (JsonNode)JsonValue.Create(EventName(e)))]),
        });
    }

    /// <summary>Records of every kind of change; add conditions with the <c>Where…</c> methods.</summary>
    public static StreamFilter ForAllEvents() => new([]);

    /// <summary>Only records whose key <paramref name="attribute"/> has one of <paramref name="anyOf"/>.</summary>
    public StreamFilter WhereKey(string attribute, FieldType type, params string[] anyOf) => Where("Keys", attribute, type, anyOf);

    /// <summary>Only records whose item after the change has <paramref name="attribute"/> equal to one of <paramref name="anyOf"/> (needs a stream with new images).</summary>
    public StreamFilter WhereNewImage(string attribute, FieldType type, params string[] anyOf) => Where("NewImage", attribute, type, anyOf);

    /// <summary>Only records whose item before the change had <paramref name="attribute"/> equal to one of <paramref name="anyOf"/> (needs a stream with old images).</summary>
    public StreamFilter WhereOldImage(string attribute, FieldType type, params string[] anyOf) => Where("OldImage", attribute, type, anyOf);

    /// <inheritdoc/>
    public override string ToString() => Pattern;

    internal static string EventName(StreamEventName name) => name switch
    {
        StreamEventName.Insert => "INSERT",
        StreamEventName.Modify => "MODIFY",
        _ => "REMOVE",
    };

    private StreamFilter Where(string image, string attribute, FieldType type, string[] anyOf)
    {
        ArgumentException.ThrowIfNullOrEmpty(attribute);
        ArgumentNullException.ThrowIfNull(anyOf);
        if (anyOf.Length == 0)
        {
            throw new StelvioConfigException("StreamFilter", $"Where{(image == "Keys" ? "Key" : image)}(\"{attribute}\")", "gives no value to match. Give at least one.");
        }

        var copy = (JsonObject)pattern.DeepClone();
        if (copy["dynamodb"] is not JsonObject dynamodb)
        {
            dynamodb = [];
            copy["dynamodb"] = dynamodb;
        }

        if (dynamodb[image] is not JsonObject attributes)
        {
            attributes = [];
            dynamodb[image] = attributes;
        }

        var letter = type switch
        {
            FieldType.Number => "N",
            FieldType.Binary => "B",
            _ => "S",
        };
        attributes[attribute] = new JsonObject { [letter] = new JsonArray([.. anyOf.Select(v => (JsonNode)JsonValue.Create(v))]) };
        return new StreamFilter(copy);
    }
}
