using Stelvio.CloudFormation;

namespace Stelvio.Assets;

/// <summary>
/// The bucket holding function zips: one per account and region, created by the <c>stelvio-bootstrap</c>
/// stack and named <c>stelvio-assets-{account}-{region}</c>.
/// </summary>
internal static class AssetBucket
{
    /// <summary>The bucket name as the template writes it.</summary>
    public static Deferred<string> Name { get; } = Deferred.Format($"stelvio-assets-{new RefExpression("AWS::AccountId")}-{new RefExpression("AWS::Region")}");

    /// <summary>The bucket name for a known account and region.</summary>
    public static string NameFor(string account, string region) => $"stelvio-assets-{account}-{region}";
}
