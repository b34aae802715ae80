using System.Globalization;
using System.IO.Hashing;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Stelvio.DynamoDB.Local.Protocol;

/// <summary>
/// The one HTTP endpoint: reads the body, dispatches on X-Amz-Target, answers with AWS JSON 1.0, the
/// <c>x-amz-crc32</c> checksum of the body the SDKs verify and a request ID. A GET answers a health check.
/// </summary>
internal sealed class HttpEndpoint(DynamoEngine engine)
{
    private const string ContentType = "application/x-amz-json-1.0";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsPost(request.Method))
        {
            response.ContentType = "text/plain";
            await response.WriteAsync($"healthy: dynamodb.{engine.Region}.amazonaws.com ").ConfigureAwait(false);
            return;
        }
        var target = request.Headers["X-Amz-Target"].ToString();
        var reader = request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync().ConfigureAwait(false);
            if (read.IsCompleted || read.IsCanceled)
            {
                break;
            }
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
        var output = new PooledBuffer();
        try
        {
            var error = engine.Execute(target.Length == 0 ? null : target, read.Buffer, output);
            reader.AdvanceTo(read.Buffer.End);
            if (error is not null)
            {
                output.Clear();
                using var writer = new System.Text.Json.Utf8JsonWriter(output);
                ErrorJson.Write(writer, error);
                writer.Flush();
                response.StatusCode = (int)error.Status;
            }
            var headers = response.Headers;
            headers.ContentType = ContentType;
            headers["x-amz-crc32"] = Crc32.HashToUInt32(output.WrittenSpan).ToString(CultureInfo.InvariantCulture);
            headers["x-amzn-RequestId"] = Guid.NewGuid().ToString("N");
            response.ContentLength = output.WrittenCount;
            await response.Body.WriteAsync(output.WrittenMemory).ConfigureAwait(false);
        }
        finally
        {
            output.Dispose();
        }
    }
}
