namespace Stelvio.LocalCloud.Iam.Requests;

/// <summary>
/// Lambda's Invoke (<c>POST /2015-03-31/functions/{FunctionName}/invocations</c>): <c>lambda:InvokeFunction</c> on the
/// function's ARN, qualified (<c>function:NAME:QUALIFIER</c>) when the call names a version or alias, as AWS checks it.
/// </summary>
internal static class LambdaAccess
{
    public const string Action = "lambda:InvokeFunction";

    private const string Prefix = "/2015-03-31/functions/";
    private const string Suffix = "/invocations";

    /// <summary>The (URL-decoded) <c>FunctionName</c> of an Invoke path, or null when <paramref name="path"/> is not one.</summary>
    public static string? FunctionNameOf(string path)
    {
        if (!path.StartsWith(Prefix, StringComparison.Ordinal) || !path.EndsWith(Suffix, StringComparison.Ordinal) || path.Length <= Prefix.Length + Suffix.Length)
        {
            return null;
        }
        var name = Uri.UnescapeDataString(path[Prefix.Length..^Suffix.Length]);
        return name.Contains('/', StringComparison.Ordinal) ? null : name;
    }

    /// <summary>
    /// The function name and the ARN to authorize, from a <c>FunctionName</c> that is a name (<c>orders</c>), a partial
    /// ARN (<c>123456789012:function:orders</c>) or an ARN, each optionally with <c>:QUALIFIER</c>, and the <c>Qualifier</c> query parameter.
    /// </summary>
    public static (string Name, RequestedAccess Access) For(string functionName, string? qualifier, string region, string accountId)
    {
        var parts = functionName.Split(':');
        string name;
        string? inlineQualifier = null;
        if (parts.Length >= 7 && parts[0] == "arn")
        {
            region = parts[3];
            accountId = parts[4];
            name = parts[6];
            inlineQualifier = parts.Length > 7 ? parts[7] : null;
        }
        else if (parts.Length >= 3 && parts[1] == "function")
        {
            accountId = parts[0];
            name = parts[2];
            inlineQualifier = parts.Length > 3 ? parts[3] : null;
        }
        else
        {
            name = parts[0];
            inlineQualifier = parts.Length > 1 ? parts[1] : null;
        }
        qualifier = string.IsNullOrEmpty(qualifier) ? inlineQualifier : qualifier;
        var arn = $"arn:aws:lambda:{region}:{accountId}:function:{name}";
        return (name, new RequestedAccess(Action, qualifier is null ? arn : $"{arn}:{qualifier}"));
    }
}
