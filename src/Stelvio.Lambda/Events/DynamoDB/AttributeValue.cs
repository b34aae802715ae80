using System.Text.Json;
using System.Text.Json.Serialization;
using Stelvio.Lambda.Serialization;

namespace Stelvio.Lambda.Events.DynamoDB;

/// <summary>
/// One attribute in DynamoDB's JSON form: exactly one of the properties is set, named by its type
/// (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_AttributeValue.html).
/// Numbers are strings, as DynamoDB sends them; binary values are bytes (base64 in JSON).
/// </summary>
public sealed class AttributeValue
{
    /// <summary>A string (<c>S</c>).</summary>
    [JsonPropertyName("S")]
    public string? S { get; set; }

    /// <summary>A number, as its decimal text (<c>N</c>).</summary>
    [JsonPropertyName("N")]
    public string? N { get; set; }

    /// <summary>A binary value (<c>B</c>).</summary>
    [JsonPropertyName("B")]
    public byte[]? B { get; set; }

    /// <summary>A string set (<c>SS</c>).</summary>
    [JsonPropertyName("SS")]
    public List<string>? SS { get; set; }

    /// <summary>A number set (<c>NS</c>).</summary>
    [JsonPropertyName("NS")]
    public List<string>? NS { get; set; }

    /// <summary>A binary set (<c>BS</c>).</summary>
    [JsonPropertyName("BS")]
    public List<byte[]>? BS { get; set; }

    /// <summary>A map of attributes (<c>M</c>).</summary>
    [JsonPropertyName("M")]
    public Dictionary<string, AttributeValue>? M { get; set; }

    /// <summary>A list of attributes (<c>L</c>).</summary>
    [JsonPropertyName("L")]
    public List<AttributeValue>? L { get; set; }

    /// <summary>True for a null (<c>NULL</c>).</summary>
    [JsonPropertyName("NULL")]
    public bool? NULL { get; set; }

    /// <summary>A boolean (<c>BOOL</c>).</summary>
    [JsonPropertyName("BOOL")]
    public bool? BOOL { get; set; }

    /// <summary>The attribute in DynamoDB JSON, for example <c>{"S":"c1"}</c>.</summary>
    public override string ToString() => JsonSerializer.Serialize(this, ReadableJson.Context.AttributeValue);
}
