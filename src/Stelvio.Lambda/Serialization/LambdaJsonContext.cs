using System.Text.Json;
using System.Text.Json.Serialization;
using Stelvio.Lambda.Client;
using Stelvio.Lambda.Events.DynamoDB;

namespace Stelvio.Lambda.Serialization;

/// <summary>
/// Source-generated JSON metadata for the types this library reads and writes, so that nothing is
/// serialized by reflection (Native AOT and trimming safe). Null properties are left out, as AWS does.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DynamoDBEvent))]
[JsonSerializable(typeof(StreamsEventResponse))]
[JsonSerializable(typeof(AttributeValue))]
[JsonSerializable(typeof(Dictionary<string, AttributeValue>))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class LambdaJsonContext : JsonSerializerContext;
