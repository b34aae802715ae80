namespace Stelvio.Deploy.Aws;

/// <summary>The one STS call the deploy commands make: who am I.</summary>
internal sealed class StsClient(AwsQueryClient query)
{
    public const string ApiVersion = "2011-06-15";

    /// <summary>The account, ARN and user ID behind the credentials; fails when AWS does not accept them.</summary>
    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken)
    {
        var result = await query.CallAsync("GetCallerIdentity", new QueryParameters(), cancellationToken);
        return new CallerIdentity(result.Required("Account"), result.Text("Arn") ?? "", result.Text("UserId") ?? "");
    }
}

/// <summary>The identity behind a set of credentials.</summary>
internal sealed record CallerIdentity(string Account, string Arn, string UserId);
