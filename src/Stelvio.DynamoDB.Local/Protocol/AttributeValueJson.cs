using System.Text.Json;
using Stelvio.DynamoDB.Local.Errors;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.DynamoDB.Local.Protocol;

/// <summary>
/// DynamoDB's wire AttributeValue (<c>{"S":"x"}</c>, <c>{"N":"1"}</c>, <c>{"M":{…}}</c>…) to and from the engine's
/// <see cref="AttributeValue"/>, with AWS's serialization and validation messages.
/// </summary>
internal static class AttributeValueJson
{
    /// <summary>Maximum nesting of maps and lists DynamoDB accepts (the item itself counts as one level).</summary>
    public const int MaxDepth = 32;

    private const string Invalid = "One or more parameter values were invalid: ";

    /// <summary>Reads an item (a map of attribute names to values).</summary>
    public static Dictionary<string, AttributeValue> ReadItem(JsonElement map)
    {
        if (map.ValueKind != JsonValueKind.Object)
        {
            throw WireErrors.WrongType(map.ValueKind, WireShape.Map);
        }
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            item[property.Name] = Read(property.Value, 1);
        }
        return item;
    }

    public static Dictionary<string, AttributeValue>? ReadItem(JsonElement obj, string member) =>
        Wire.Map(obj, member) is { } map ? ReadItem(map) : null;

    public static AttributeValue Read(JsonElement value) => Read(value, 1);

    private static AttributeValue Read(JsonElement value, int depth)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw WireErrors.WrongType(value.ValueKind, WireShape.Structure);
        }
        if (depth > MaxDepth)
        {
            throw DynamoDbException.Validation("Nesting Levels have exceeded supported limits");
        }
        AttributeValue? result = null;
        var count = 0;
        foreach (var property in value.EnumerateObject())
        {
            var v = property.Value;
            if (v.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            AttributeValue? read = property.Name switch
            {
                "S" => AttributeValue.FromString(StringOf(v)),
                "N" => AttributeValue.FromNumber(DynamoNumber.Parse(StringOf(v))),
                "B" => AttributeValue.FromBinary(Blob(v)),
                "BOOL" => AttributeValue.FromBool(BoolOf(v)),
                "NULL" => BoolOf(v) ? AttributeValue.Null : throw DynamoDbException.Validation(Invalid + "Null attribute value types must have the value of true"),
                "SS" => StringSet(v),
                "NS" => NumberSet(v),
                "BS" => BinarySet(v),
                "M" => Map(v, depth),
                "L" => List(v, depth),
                _ => null,
            };
            if (read is not null)
            {
                result = read;
                count++;
            }
        }
        return count switch
        {
            0 => throw DynamoDbException.Validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
            1 => result!,
            _ => throw DynamoDbException.Validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"),
        };
    }

    private static string StringOf(JsonElement v) =>
        v.ValueKind == JsonValueKind.String ? v.GetString()! : throw WireErrors.WrongType(v.ValueKind, WireShape.String);

    private static bool BoolOf(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => throw WireErrors.Serialization($"'{v.GetString()!.ToUpperInvariant()}' can not be converted to an Boolean"),
        _ => throw WireErrors.WrongType(v.ValueKind, WireShape.Boolean),
    };

    /// <summary>Decodes a base64 blob with Coral's messages.</summary>
    public static byte[] Blob(JsonElement v)
    {
        if (v.ValueKind != JsonValueKind.String)
        {
            throw WireErrors.WrongType(v.ValueKind, WireShape.Blob);
        }
        var text = v.GetString()!;
        if (Convert.TryFromBase64String(text, new byte[text.Length], out var written))
        {
            var bytes = new byte[written];
            Convert.TryFromBase64String(text, bytes, out _);
            return bytes;
        }
        if (text.Length % 4 != 0)
        {
            throw WireErrors.Serialization($"'{text}' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: {text.Length}");
        }
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
            {
                throw WireErrors.Serialization($"'{text}' can not be converted to a Blob: Invalid Base64 character: '{c}'");
            }
        }
        throw WireErrors.Serialization($"'{text}' can not be converted to a Blob: Invalid last non-pad Base64 character dectected");
    }

    private static List<JsonElement> Members(JsonElement v)
    {
        if (v.ValueKind != JsonValueKind.Array)
        {
            throw WireErrors.WrongType(v.ValueKind, WireShape.List);
        }
        var list = new List<JsonElement>(v.GetArrayLength());
        foreach (var element in v.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Null)
            {
                list.Add(element);
            }
        }
        return list;
    }

    private static AttributeValue StringSet(JsonElement v)
    {
        var members = Members(v);
        if (members.Count == 0)
        {
            throw DynamoDbException.Validation(Invalid + "An string set  may not be empty");
        }
        var values = new string[members.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicate = false;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = StringOf(members[i]);
            duplicate |= !seen.Add(values[i]);
        }
        if (duplicate)
        {
            throw DynamoDbException.Validation($"{Invalid}Input collection [{string.Join(", ", values)}] contains duplicates.");
        }
        return AttributeValue.FromStringSet(values);
    }

    private static AttributeValue NumberSet(JsonElement v)
    {
        var members = Members(v);
        if (members.Count == 0)
        {
            throw DynamoDbException.Validation(Invalid + "An number set  may not be empty");
        }
        var values = new DynamoNumber[members.Count];
        var seen = new HashSet<DynamoNumber>();
        var duplicate = false;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = DynamoNumber.Parse(StringOf(members[i]));
            duplicate |= !seen.Add(values[i]);
        }
        if (duplicate)
        {
            throw DynamoDbException.Validation("Input collection contains duplicates");
        }
        return AttributeValue.FromNumberSet(values);
    }

    private static AttributeValue BinarySet(JsonElement v)
    {
        var members = Members(v);
        if (members.Count == 0)
        {
            throw DynamoDbException.Validation(Invalid + "Binary sets should not be empty");
        }
        var values = new byte[members.Count][];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicate = false;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Blob(members[i]);
            duplicate |= !seen.Add(Convert.ToBase64String(values[i]));
        }
        if (duplicate)
        {
            var texts = new string[values.Length];
            for (var i = 0; i < texts.Length; i++)
            {
                texts[i] = Convert.ToBase64String(values[i]);
            }
            throw DynamoDbException.Validation($"{Invalid}Input collection [{string.Join(", ", texts)}]of type BS contains duplicates.");
        }
        return AttributeValue.FromBinarySet(values);
    }

    private static AttributeValue Map(JsonElement v, int depth)
    {
        if (v.ValueKind != JsonValueKind.Object)
        {
            throw WireErrors.WrongType(v.ValueKind, WireShape.Map);
        }
        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var property in v.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Null)
            {
                map[property.Name] = Read(property.Value, depth + 1);
            }
        }
        return AttributeValue.FromMap(map);
    }

    private static AttributeValue List(JsonElement v, int depth)
    {
        var members = Members(v);
        var list = new AttributeValue[members.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = Read(members[i], depth + 1);
        }
        return AttributeValue.FromList(list);
    }

    public static void WriteItem(Utf8JsonWriter writer, IReadOnlyDictionary<string, AttributeValue> item)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in item)
        {
            writer.WritePropertyName(name);
            Write(writer, value);
        }
        writer.WriteEndObject();
    }

    public static void WriteItem(Utf8JsonWriter writer, string property, IReadOnlyDictionary<string, AttributeValue> item)
    {
        writer.WritePropertyName(property);
        WriteItem(writer, item);
    }

    public static void Write(Utf8JsonWriter writer, AttributeValue value)
    {
        writer.WriteStartObject();
        switch (value.Type)
        {
            case AttributeType.S:
                writer.WriteString("S"u8, value.S);
                break;
            case AttributeType.N:
                writer.WriteString("N"u8, value.N.ToString());
                break;
            case AttributeType.B:
                writer.WriteBase64String("B"u8, value.B);
                break;
            case AttributeType.BOOL:
                writer.WriteBoolean("BOOL"u8, value.BoolValue);
                break;
            case AttributeType.NULL:
                writer.WriteBoolean("NULL"u8, true);
                break;
            case AttributeType.SS:
                writer.WriteStartArray("SS"u8);
                foreach (var member in value.SS)
                {
                    writer.WriteStringValue(member);
                }
                writer.WriteEndArray();
                break;
            case AttributeType.NS:
                writer.WriteStartArray("NS"u8);
                foreach (var member in value.NS)
                {
                    writer.WriteStringValue(member.ToString());
                }
                writer.WriteEndArray();
                break;
            case AttributeType.BS:
                writer.WriteStartArray("BS"u8);
                foreach (var member in value.BS)
                {
                    writer.WriteBase64StringValue(member);
                }
                writer.WriteEndArray();
                break;
            case AttributeType.M:
                writer.WritePropertyName("M"u8);
                WriteItem(writer, value.M);
                break;
            case AttributeType.L:
                writer.WriteStartArray("L"u8);
                foreach (var element in value.L)
                {
                    Write(writer, element);
                }
                writer.WriteEndArray();
                break;
        }
        writer.WriteEndObject();
    }
}
