using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Stelvio.Lambda.Serialization;

namespace Stelvio.Lambda.Client;

/// <summary>The Runtime API over HTTP, at <c>http://{AWS_LAMBDA_RUNTIME_API}/2018-06-01/</c>.</summary>
internal sealed class RuntimeApiClient : IRuntimeApiClient, IDisposable
{
    /// <summary>The API version the paths start with.</summary>
    public const string Version = "2018-06-01";

    /// <summary>The header that classifies a reported error.</summary>
    public const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient http;

    /// <param name="runtimeApi">The <c>host:port</c> from <c>AWS_LAMBDA_RUNTIME_API</c>.</param>
    public RuntimeApiClient(string runtimeApi)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApi);
        // The next-invocation call blocks until an event arrives, which may take as long as the function idles.
        http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://{runtimeApi}/{Version}/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("runtime/invocation/next", cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "GET runtime/invocation/next", cancellationToken).ConfigureAwait(false);
        var headers = response.Headers;
        var requestId = Header(headers, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new RuntimeApiException("GET runtime/invocation/next returned no Lambda-Runtime-Aws-Request-Id header.");
        var deadline = long.TryParse(Header(headers, "Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : 0;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new InvocationRequest(requestId, deadline, Header(headers, "Lambda-Runtime-Invoked-Function-Arn") ?? "", Header(headers, "Lambda-Runtime-Trace-Id"), body);
    }

    public Task SendResponseAsync(string awsRequestId, byte[] body, CancellationToken cancellationToken) =>
        PostAsync($"runtime/invocation/{Uri.EscapeDataString(awsRequestId)}/response", body, errorType: null, cancellationToken);

    public Task ReportInvocationErrorAsync(string awsRequestId, ErrorResponse error, CancellationToken cancellationToken) =>
        PostAsync($"runtime/invocation/{Uri.EscapeDataString(awsRequestId)}/error", Serialize(error), error.ErrorType, cancellationToken);

    public Task ReportInitializationErrorAsync(ErrorResponse error, CancellationToken cancellationToken) =>
        PostAsync("runtime/init/error", Serialize(error), error.ErrorType, cancellationToken);

    public void Dispose() => http.Dispose();

    private static byte[] Serialize(ErrorResponse error) => JsonSerializer.SerializeToUtf8Bytes(error, ReadableJson.Context.ErrorResponse);

    private async Task PostAsync(string path, byte[] body, string? errorType, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(ErrorTypeHeader, errorType);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "POST " + path, cancellationToken).ConfigureAwait(false);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string call, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new RuntimeApiException($"{call} failed with HTTP {(int)response.StatusCode}: {text}", (int)response.StatusCode);
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
