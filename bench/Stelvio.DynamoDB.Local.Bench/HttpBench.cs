using System.Net.Http.Headers;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Stelvio.DynamoDB.Local.Bench;

/// <summary>
/// Runs over loopback against a server in a child process: prepared requests through a plain HttpClient and
/// calls through the AWS SDK, with 1 and 8 concurrent clients, reporting throughput, latency and the server
/// process's CPU time per request.
/// </summary>
internal static class HttpBench
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/x-amz-json-1.0");

    public static HttpClient NewHttpClient() => new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseProxy = false });

    public static AmazonDynamoDBClient NewSdkClient(Uri endpoint) => new(
        new BasicAWSCredentials("bench", "bench"),
        new AmazonDynamoDBConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, Uri endpoint, string operation, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = JsonType;
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810." + operation);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Creates the table and fills it, through prepared requests.</summary>
    public static async Task SeedAsync(Uri endpoint)
    {
        using var http = NewHttpClient();
        (await PostAsync(http, endpoint, "CreateTable", System.Text.Encoding.UTF8.GetBytes(Workload.CreateTableJson))).EnsureSuccessStatusCode();
        var puts = Workload.SeedPuts().ToList();
        await Parallel.ForEachAsync(puts, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (body, _) =>
            (await PostAsync(http, endpoint, "PutItem", body)).EnsureSuccessStatusCode());
    }

    public static async Task<double> RunAsync(string label, ChildServer server, string operation, int clients, bool sdk, TimeSpan duration)
    {
        using var http = NewHttpClient();
        var sdkClients = Enumerable.Range(0, clients).Select(_ => NewSdkClient(server.Endpoint)).ToArray();
        var prepared = Workload.Prepared(operation);
        Func<int, long, Task> call = sdk
            ? (client, n) => Workload.CallAsync(sdkClients[client], operation, n * 7919 + client)
            : async (client, n) =>
            {
                using var response = await PostAsync(http, server.Endpoint, operation, prepared[(n * 8 + client) % prepared.Length]);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{operation} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            };
        // Warm up connections and JIT, then measure.
        await Latencies.RunAsync(clients, TimeSpan.FromMilliseconds(300), call);
        var cpuBefore = server.CpuTime;
        var (perSecond, latencies) = await Latencies.RunAsync(clients, duration, call);
        var cpu = server.CpuTime - cpuBefore;
        foreach (var client in sdkClients)
        {
            client.Dispose();
        }
        Latencies.Print(label, perSecond, latencies, $"  server CPU {cpu.TotalMicroseconds / Math.Max(1, latencies.Count),6:N1} µs/req");
        return perSecond;
    }
}
