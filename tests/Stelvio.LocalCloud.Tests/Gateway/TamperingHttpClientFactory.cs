using System.Text;
using Amazon.Runtime;

namespace Stelvio.LocalCloud.Tests.Gateway;

/// <summary>An SDK HTTP client that replaces <c>from</c> with <c>to</c> in each request body after the SDK signed it (a body changed in transit).</summary>
internal sealed class TamperingHttpClientFactory(string from, string to) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Tampering(from, to));

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    private sealed class Tampering(string from, string to) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var replaced = new ByteArrayContent(Encoding.UTF8.GetBytes(body.Replace(from, to, StringComparison.Ordinal)));
            foreach (var header in request.Content.Headers.Where(h => h.Key != "Content-Length"))
            {
                replaced.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            Assert.NotEqual(body, await replaced.ReadAsStringAsync(cancellationToken));
            request.Content = replaced;
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
