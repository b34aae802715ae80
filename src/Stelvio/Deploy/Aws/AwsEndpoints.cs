namespace Stelvio.Deploy.Aws;

/// <summary>
/// Where requests for each service go. Honours the standard variables every AWS tool reads, so the same
/// program deploys to AWS or to an emulator: <c>AWS_ENDPOINT_URL_{SERVICE}</c> (for example
/// <c>AWS_ENDPOINT_URL_CLOUDFORMATION</c>, <c>AWS_ENDPOINT_URL_S3</c>, <c>AWS_ENDPOINT_URL_STS</c>)
/// first, then <c>AWS_ENDPOINT_URL</c> for all services, then AWS's regional endpoint.
/// </summary>
internal sealed class AwsEndpoints(string region, Func<string, string?> environment)
{
    /// <summary>The AWS region the default endpoints are in.</summary>
    public string Region { get; } = region;

    /// <summary>The CloudFormation endpoint.</summary>
    public AwsEndpoint CloudFormation => For("CLOUDFORMATION", "cloudformation");

    /// <summary>The STS endpoint (regional).</summary>
    public AwsEndpoint Sts => For("STS", "sts");

    /// <summary>The DynamoDB endpoint.</summary>
    public AwsEndpoint DynamoDb => For("DYNAMODB", "dynamodb");

    /// <summary>The S3 endpoint. A configured one is addressed path-style (<c>{endpoint}/{bucket}/{key}</c>).</summary>
    public AwsEndpoint S3 => For("S3", "s3");

    /// <summary>The endpoint of a service, by its environment-variable suffix and its host prefix.</summary>
    public AwsEndpoint For(string serviceVariable, string hostPrefix)
    {
        foreach (var variable in new[] { "AWS_ENDPOINT_URL_" + serviceVariable, "AWS_ENDPOINT_URL" })
        {
            var value = environment(variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    throw new DeployException($"{variable} is set to '{value}', which is not an http(s) URL. Set it to an endpoint such as http://127.0.0.1:5000, or unset it to use AWS.");
                }

                return new AwsEndpoint(uri, IsCustom: true, Source: variable);
            }
        }

        return new AwsEndpoint(new Uri($"https://{hostPrefix}.{Region}.{DnsSuffix(Region)}/"), IsCustom: false, Source: null);
    }

    /// <summary>The DNS suffix of a region's partition.</summary>
    public static string DnsSuffix(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn"
        : region.StartsWith("eusc-", StringComparison.Ordinal) ? "amazonaws.eu"
        : "amazonaws.com";
}

/// <summary>One service endpoint.</summary>
/// <param name="Url">The base URL.</param>
/// <param name="IsCustom">Whether it came from an <c>AWS_ENDPOINT_URL*</c> variable rather than AWS's defaults.</param>
/// <param name="Source">The variable it came from, if any.</param>
internal sealed record AwsEndpoint(Uri Url, bool IsCustom, string? Source);
