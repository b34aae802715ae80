using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Template;

/// <summary>Reads resolved property values, as CloudFormation takes them (numbers and booleans may be written as strings).</summary>
internal static class TemplateValues
{
    /// <summary>The string, or null when the value is absent or not a string.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>A required string property.</summary>
    public static string Required(JsonObject properties, string property, string logicalId, string what) =>
        Text(properties[property]) ?? throw new LocalTemplateException(logicalId, "Properties." + property, $"is required: {what}.");

    /// <summary>A whole number, or null when absent.</summary>
    public static int? Number(JsonNode? node, string logicalId, string property) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) => n,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && int.TryParse(v.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw new LocalTemplateException(logicalId, "Properties." + property, $"must be a whole number, not {node.ToJsonString()}."),
    };

    /// <summary>A number with a fraction (seconds since the epoch), or null when absent.</summary>
    public static double? Decimal(JsonNode? node, string logicalId, string property) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw new LocalTemplateException(logicalId, "Properties." + property, $"must be a number, not {node.ToJsonString()}."),
    };

    /// <summary>A boolean, or null when absent.</summary>
    public static bool? Bool(JsonNode? node, string logicalId, string property) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out var b) => b,
        _ => throw new LocalTemplateException(logicalId, "Properties." + property, $"must be true or false, not {node.ToJsonString()}."),
    };

    /// <summary>A scalar as text (numbers and booleans as CloudFormation passes them).</summary>
    public static string Scalar(JsonNode? node, string logicalId, string path) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
        _ => throw new LocalTemplateException(logicalId, path, $"must be a string, not {node?.ToJsonString() ?? "null"}."),
    };
}
