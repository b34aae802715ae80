using System.Text.Json;

namespace Stelvio.DynamoDB.Local.Protocol;

/// <summary>
/// Reads request members from JSON as AWS's front end does: an absent member and JSON null are both absent; a
/// member of the wrong JSON kind is a SerializationException; unknown members are ignored.
/// </summary>
internal static class Wire
{
    public static string? String(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw WireErrors.WrongType(value.ValueKind, WireShape.String);
    }

    public static bool? Bool(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => throw WireErrors.Serialization($"'{value.GetString()!.ToUpperInvariant()}' can not be converted to an Boolean"),
            _ => throw WireErrors.WrongType(value.ValueKind, WireShape.Boolean),
        };
    }

    public static long? Long(JsonElement obj, string name, WireShape shape = WireShape.Integer)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw WireErrors.WrongType(value.ValueKind, shape);
        }
        if (value.TryGetInt64(out var integer))
        {
            return integer;
        }
        // Coral truncates fractions and saturates.
        var real = value.GetDouble();
        return real >= long.MaxValue ? long.MaxValue : real <= long.MinValue ? long.MinValue : (long)Math.Truncate(real);
    }

    public static JsonElement? Structure(JsonElement obj, string name) => Member(obj, name, WireShape.Structure);

    public static JsonElement? Map(JsonElement obj, string name) => Member(obj, name, WireShape.Map);

    public static JsonElement? List(JsonElement obj, string name) => Member(obj, name, WireShape.List);

    private static JsonElement? Member(JsonElement obj, string name, WireShape shape)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var wanted = shape == WireShape.List ? JsonValueKind.Array : JsonValueKind.Object;
        return value.ValueKind == wanted ? value : throw WireErrors.WrongType(value.ValueKind, shape);
    }

    /// <summary>A list of strings (a JSON null member counts as absent; null elements are skipped as Coral does).</summary>
    public static List<string>? StringList(JsonElement obj, string name)
    {
        if (List(obj, name) is not { } array)
        {
            return null;
        }
        var list = new List<string>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            list.Add(element.ValueKind == JsonValueKind.String ? element.GetString()! : throw WireErrors.WrongType(element.ValueKind, WireShape.String));
        }
        return list;
    }

    /// <summary>Structure elements of a list.</summary>
    public static List<JsonElement>? StructureList(JsonElement obj, string name)
    {
        if (List(obj, name) is not { } array)
        {
            return null;
        }
        var list = new List<JsonElement>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            list.Add(element.ValueKind == JsonValueKind.Object ? element : throw WireErrors.WrongType(element.ValueKind, WireShape.Structure));
        }
        return list;
    }

    /// <summary>A map of strings.</summary>
    public static Dictionary<string, string>? StringMap(JsonElement obj, string name)
    {
        if (Map(obj, name) is not { } map)
        {
            return null;
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            result[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : throw WireErrors.WrongType(property.Value.ValueKind, WireShape.String);
        }
        return result;
    }
}
