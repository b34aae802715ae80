using System.Globalization;
using System.IO.Hashing;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Stelvio.LocalCloud.Gateway;

/// <summary>
/// Errors the gateway answers itself, in each protocol's shape: DynamoDB's (AWS JSON 1.0: status 400,
/// <c>{"__type":"com.amazon.coral.service#Type","message":"…"}</c> with the <c>x-amz-crc32</c> the SDKs check) and
/// Lambda's (REST JSON: the status, <c>x-amzn-ErrorType</c> and <c>{"message":"…"}</c>). AccessDeniedException spells its
/// member <c>Message</c>, as AWS's authorization layer does.
/// </summary>
internal static class GatewayErrors
{
    public static Task WriteDynamoAsync(HttpResponse response, string type, string message)
    {
        var body = Body(w =>
        {
            w.WriteString("__type", "com.amazon.coral.service#" + type);
            w.WriteString(MessageMember(type), message);
        });
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.ContentType = "application/x-amz-json-1.0";
        response.Headers["x-amz-crc32"] = Crc32.HashToUInt32(body).ToString(CultureInfo.InvariantCulture);
        return WriteAsync(response, body);
    }

    public static Task WriteLambdaAsync(HttpResponse response, int status, string type, string message)
    {
        var body = Body(w => w.WriteString(MessageMember(type), message));
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.Headers["x-amzn-ErrorType"] = type;
        return WriteAsync(response, body);
    }

    private static string MessageMember(string type) => type == "AccessDeniedException" ? "Message" : "message";

    private static byte[] Body(Action<Utf8JsonWriter> members)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static async Task WriteAsync(HttpResponse response, byte[] body)
    {
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString("N");
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }
}
