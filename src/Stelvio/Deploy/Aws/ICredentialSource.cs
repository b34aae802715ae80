namespace Stelvio.Deploy.Aws;

/// <summary>Gives the keys to sign the next request with (refreshed as the underlying provider needs).</summary>
internal interface ICredentialSource
{
    ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken);
}

/// <summary>Fixed keys.</summary>
internal sealed class StaticCredentialSource(AwsCredentials credentials) : ICredentialSource
{
    public ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
}
