using System.Security.Cryptography;
using System.Text;
using Stelvio.CloudFormation;
using Stelvio.Deploy.AssetPublishing;

namespace Stelvio.Deploy;

/// <summary>
/// How a template reaches CloudFormation: inline as <c>TemplateBody</c> up to 51,200 bytes, otherwise
/// uploaded to the asset bucket and passed as <c>TemplateURL</c>.
/// </summary>
internal sealed record TemplateSource(string? Body, string? Url)
{
    /// <summary>Inline when small enough; otherwise uploads it (when not already there) and refers to it by URL.</summary>
    /// <param name="template">The template bytes.</param>
    /// <param name="stackName">The stack, used in the object key.</param>
    /// <param name="bucket">Gives the asset bucket, creating it if needed; only called for large templates.</param>
    /// <param name="store">The asset store.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public static async Task<TemplateSource> PrepareAsync(byte[] template, string stackName, Func<Task<string>> bucket, IAssetStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(store);
        if (template.Length <= StackLimits.MaxTemplateBodyBytes)
        {
            return new TemplateSource(Encoding.UTF8.GetString(template), null);
        }

        var name = await bucket();
        var key = $"templates/{stackName}/{Convert.ToHexStringLower(SHA256.HashData(template))[..32]}.json";
        if (!await store.ExistsAsync(name, key, cancellationToken))
        {
            await store.PutBytesAsync(name, key, template, "application/json", cancellationToken);
        }

        return new TemplateSource(null, store.UrlFor(name, key));
    }
}
