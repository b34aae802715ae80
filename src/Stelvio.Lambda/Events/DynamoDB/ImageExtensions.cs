using System.Text.Json;
using Stelvio.Lambda.Serialization;

namespace Stelvio.Lambda.Events.DynamoDB;

/// <summary>Helpers for item images (<c>Keys</c>, <c>NewImage</c>, <c>OldImage</c>).</summary>
public static class ImageExtensions
{
    /// <summary>The image in DynamoDB JSON, for example <c>{"customer_id":{"S":"c1"},"total":{"N":"42"}}</c>.</summary>
    public static string ToJson(this Dictionary<string, AttributeValue> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return JsonSerializer.Serialize(image, ReadableJson.Context.DictionaryStringAttributeValue);
    }
}
