using System.Text.Json;
using Stelvio.DynamoDB.Local.Model;

namespace Stelvio.LocalCloud.EventSources;

/// <summary>Writes the engine's attribute values in DynamoDB JSON (<c>{"S":"x"}</c>, <c>{"N":"1"}</c>, …), as stream events carry them.</summary>
internal static class AttributeValueWriter
{
    public static void WriteItem(Utf8JsonWriter writer, string property, IReadOnlyDictionary<string, AttributeValue> item)
    {
        writer.WritePropertyName(property);
        WriteItem(writer, item);
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
