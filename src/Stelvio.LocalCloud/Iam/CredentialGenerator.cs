using System.Security.Cryptography;

namespace Stelvio.LocalCloud.Iam;

/// <summary>Issues fresh random credentials, shaped as STS issues them for an assumed role.</summary>
internal static class CredentialGenerator
{
    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static FunctionCredentials Create() => new(
        "ASIA" + RandomNumberGenerator.GetString(KeyAlphabet, 16),
        RandomNumberGenerator.GetString(SecretAlphabet, 40),
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(144)));
}
