using System.Text.Encodings.Web;
using System.Text.Json;

namespace Stelvio.LocalCloud.Lambda;

/// <summary>JSON written as Lambda writes it: no escaping of characters JSON allows as they are (<c>'</c>, <c>&lt;</c>, non-ASCII).</summary>
internal static class LambdaJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
