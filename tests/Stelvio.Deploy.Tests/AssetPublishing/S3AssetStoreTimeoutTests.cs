using System.Net;
using System.Net.Sockets;
using Stelvio.Deploy.AssetPublishing;
using Stelvio.Deploy.Aws;

namespace Stelvio.Deploy.Tests.AssetPublishing;

/// <summary>S3 calls against an endpoint that accepts connections and never answers: each fails after the request timeout, naming S3.</summary>
public sealed class S3AssetStoreTimeoutTests : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> accepted = [];
    private readonly string url;

    public S3AssetStoreTimeoutTests()
    {
        listener.Start();
        url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        _ = Task.Run(async () =>
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync();
                lock (accepted)
                {
                    accepted.Add(client);
                }
            }
        });
    }

    [Fact]
    public async Task HeadObject_WithoutAnAnswer_FailsAfterTheTimeout_NamingS3TheActionAndTheFix()
    {
        using var store = Store(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<DeployException>(() => store.ExistsAsync("bucket", "assets/abc.zip", CancellationToken.None));

        Assert.Equal(
            $"Cannot reach s3 at {url}/ (no answer to HeadObject within 1 s; set --timeout or STELVIO_AWS_TIMEOUT to wait longer). Is the endpoint running? It comes from AWS_ENDPOINT_URL; unset it to use AWS.",
            error.Message);
    }

    [Fact]
    public async Task PutObject_WithoutAnAnswer_FailsAfterTheTimeoutPlusTheUploadAllowance()
    {
        using var store = Store(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<DeployException>(() => store.PutBytesAsync("bucket", "templates/t.json", new byte[500_000], "application/json", CancellationToken.None));

        Assert.StartsWith($"Cannot reach s3 at {url}/ (no answer to PutObject within 1.5 s; set --timeout or STELVIO_AWS_TIMEOUT to wait longer).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTimeout_DefaultsTo30Seconds_AndUploadsGetASecondPerMegabyte()
    {
        using var store = new S3AssetStore(Session());

        Assert.Equal(TimeSpan.FromSeconds(30), store.TimeoutFor(0));
        Assert.Equal(TimeSpan.FromSeconds(80), store.TimeoutFor(50_000_000));
    }

    [Fact]
    public async Task TheCallersCancellation_IsNotReportedAsATimeout()
    {
        using var store = Store(TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ExistsAsync("bucket", "assets/abc.zip", cancel.Token));
    }

    public void Dispose()
    {
        listener.Stop();
        lock (accepted)
        {
            accepted.ForEach(c => c.Dispose());
        }
    }

    private S3AssetStore Store(TimeSpan timeout) => new(Session(), timeout);

    private AwsSession Session()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIDTESTING",
            ["AWS_SECRET_ACCESS_KEY"] = "testing-secret",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ENDPOINT_URL"] = url,
        };
        return AwsSessionResolver.Resolve(null, null, name => variables.GetValueOrDefault(name));
    }
}
