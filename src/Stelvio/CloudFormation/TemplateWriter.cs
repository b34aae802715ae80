using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stelvio.CloudFormation;

/// <summary>Writes a <see cref="CfnTemplate"/> as JSON: fixed key order, two-space indent, LF line ends, so the same app gives the same bytes.</summary>
internal static class TemplateWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] ToUtf8Bytes(CfnTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, template);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public static string ToJson(CfnTemplate template) => Encoding.UTF8.GetString(ToUtf8Bytes(template));

    private static void Write(Utf8JsonWriter writer, CfnTemplate template)
    {
        writer.WriteStartObject();
        writer.WriteString("AWSTemplateFormatVersion", "2010-09-09");
        if (template.Description is not null)
        {
            writer.WriteString("Description", template.Description);
        }

        writer.WriteStartObject("Resources");
        foreach (var resource in template.Resources)
        {
            writer.WriteStartObject(resource.LogicalId);
            writer.WriteString("Type", resource.Type);
            if (resource.DependsOn.Count > 0)
            {
                writer.WriteStartArray("DependsOn");
                foreach (var dependency in resource.DependsOn.Distinct(StringComparer.Ordinal))
                {
                    writer.WriteStringValue(dependency);
                }

                writer.WriteEndArray();
            }

            if (resource.DeletionPolicy is not null)
            {
                writer.WriteString("DeletionPolicy", resource.DeletionPolicy);
            }

            if (resource.UpdateReplacePolicy is not null)
            {
                writer.WriteString("UpdateReplacePolicy", resource.UpdateReplacePolicy);
            }

            writer.WritePropertyName("Properties");
            resource.Properties.WriteTo(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();

        if (template.Outputs.Count > 0)
        {
            writer.WriteStartObject("Outputs");
            foreach (var output in template.Outputs)
            {
                writer.WriteStartObject(output.LogicalId);
                writer.WriteString("Description", output.Description);
                writer.WritePropertyName("Value");
                output.Value.WriteTo(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
