using System.Globalization;
using System.IO.Hashing;
using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Stelvio.DynamoDB.Local.Bench;

/// <summary>
/// The server side of the HTTP runs, in a child process of its own so its CPU time can be read: either the
/// engine (LocalDynamo) or a do-nothing endpoint on the same Kestrel settings that reads the request body and
/// answers a constant <c>{}</c> with the same headers (the ceiling of what HTTP on this machine allows).
/// </summary>
internal static class BenchServer
{
    public static async Task<int> ServeAsync(bool noop)
    {
        if (!noop)
        {
            await using var db = await LocalDynamo.StartAsync(new LocalDynamoOptions());
            Console.WriteLine($"listening on {db.Endpoint}");
            await WaitForStdinCloseAsync();
            return 0;
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        await using var app = builder.Build();
        var body = "{}"u8.ToArray();
        var crc = Crc32.HashToUInt32(body).ToString(CultureInfo.InvariantCulture);
        app.Run(async context =>
        {
            var reader = context.Request.BodyReader;
            ReadResult read;
            while (true)
            {
                read = await reader.ReadAsync();
                if (read.IsCompleted || read.IsCanceled)
                {
                    break;
                }
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
            reader.AdvanceTo(read.Buffer.End);
            var headers = context.Response.Headers;
            headers.ContentType = "application/x-amz-json-1.0";
            headers["x-amz-crc32"] = crc;
            headers["x-amzn-RequestId"] = Guid.NewGuid().ToString("N");
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        });
        await app.StartAsync();
        Console.WriteLine($"listening on {app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)}/");
        await WaitForStdinCloseAsync();
        await app.StopAsync();
        return 0;
    }

    private static async Task WaitForStdinCloseAsync()
    {
        using var stdin = Console.OpenStandardInput();
        var buffer = new byte[16];
        while (await stdin.ReadAsync(buffer) > 0)
        {
        }
    }
}
