using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stelvio.Lambda.Serialization;

/// <summary>
/// <see cref="LambdaJsonContext"/> with minimal escaping, for JSON that people read: error messages and
/// images written to the log keep their quotes and non-ASCII letters as they are.
/// </summary>
internal static class ReadableJson
{
    public static LambdaJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });
}
