using System.Security.Cryptography;
using System.Text;

namespace Stelvio.LocalCloud.Template;

/// <summary>
/// The names and IDs AWS would generate for a resource, made deterministic: the same stack and logical ID give the
/// same value on every run, so a data directory and the names a test reads stay valid across restarts.
/// </summary>
internal static class PhysicalNames
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>
    /// The name CloudFormation generates when a resource has none: <c>{stack}-{logicalId}-{suffix}</c>, the suffix
    /// 12 upper-case letters and digits (derived from the stack and logical ID here, random in AWS), the front cut
    /// to fit <paramref name="maxLength"/>.
    /// </summary>
    public static string Generated(string stackName, string logicalId, int maxLength)
    {
        var suffix = Suffix(stackName + "/" + logicalId, 12);
        var front = $"{stackName}-{logicalId}";
        var room = maxLength - suffix.Length - 1;
        return (front.Length > room ? front[..room] : front) + "-" + suffix;
    }

    /// <summary>An IAM role's unique ID: <c>AROA</c> and 17 upper-case letters and digits.</summary>
    public static string RoleId(string stackName, string logicalId) => "AROA" + Suffix("role/" + stackName + "/" + logicalId, 17);

    /// <summary>A name-based UUID (RFC 9562 version 5 layout) for the stack and logical ID.</summary>
    public static string Uuid(string stackName, string logicalId)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(stackName + "/" + logicalId));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }

    /// <summary><c>AWS::StackId</c>: <c>arn:aws:cloudformation:{region}:{account}:stack/{stack}/{uuid}</c>.</summary>
    public static string StackId(string region, string accountId, string stackName) =>
        $"arn:aws:cloudformation:{region}:{accountId}:stack/{stackName}/{Uuid(stackName, "AWS::StackId")}";

    private static string Suffix(string seed, int length)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        var result = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            result.Append(Alphabet[hash[i] % Alphabet.Length]);
        }

        return result.ToString();
    }
}
