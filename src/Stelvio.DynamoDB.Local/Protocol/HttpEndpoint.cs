using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Stelvio.DynamoDB.Local.Errors;

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
            var error = Execute(request, read.Buffer, output);
            reader.AdvanceTo(read.Buffer.End);
            await WriteAsync(response, error, output).ConfigureAwait(false);
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>Answers a POST whose body the caller has already read in full (the local cloud's gateway, after authorizing it).</summary>
    public async Task HandleAsync(HttpContext context, ReadOnlySequence<byte> body)
    {
        var output = new PooledBuffer();
        try
        {
            var error = Execute(context.Request, body, output);
            await WriteAsync(context.Response, error, output).ConfigureAwait(false);
        }
        finally
        {
            output.Dispose();
        }
    }

    private DynamoDbException? Execute(HttpRequest request, ReadOnlySequence<byte> body, PooledBuffer output)
    {
        var target = request.Headers["X-Amz-Target"].ToString();
        return engine.Execute(target.Length == 0 ? null : target, body, output);
    }

    private static async Task WriteAsync(HttpResponse response, DynamoDbException? error, PooledBuffer output)
    {
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
}
