using System.Text;
using Stelvio.LocalCloud.Template;

namespace Stelvio.LocalCloud.Hosting;

/// <summary>
/// The environment of a program run against the local cloud (the example's client, a test's tools): the endpoint for
/// every service the local cloud serves, the region, developer credentials (not a function's, so always allowed), and
/// each resource's name and ARNs as links name them (<c>STLV_ORDERS_TABLE_NAME</c>), the link name being the physical
/// name without the stack's prefix.
/// </summary>
internal static class ClientEnvironment
{
    /// <summary>The developer's access key ID locally: any key that is not a function's is allowed everything.</summary>
    public const string AccessKeyId = "stelvio-local";

    /// <summary>The developer's secret locally.</summary>
    public const string SecretAccessKey = "stelvio-local";

    /// <summary>The variables for <paramref name="app"/> served at <paramref name="endpoint"/>.</summary>
    public static IReadOnlyDictionary<string, string> For(LocalApp app, string stackName, Uri endpoint)
    {
        var url = EndpointUrl(endpoint);
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ENDPOINT_URL"] = url,
            ["AWS_ENDPOINT_URL_DYNAMODB"] = url,
            ["AWS_ENDPOINT_URL_DYNAMODBSTREAMS"] = url,
            ["AWS_ENDPOINT_URL_LAMBDA"] = url,
            ["AWS_REGION"] = app.Region,
            ["AWS_DEFAULT_REGION"] = app.Region,
            ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        };
        foreach (var table in app.Tables)
        {
            var prefix = Prefix(table.TableName, stackName);
            variables[prefix + "_TABLE_NAME"] = table.TableName;
            variables[prefix + "_TABLE_ARN"] = table.Arn;
            if (table.StreamArn is { } stream)
            {
                variables[prefix + "_STREAM_ARN"] = stream;
            }
        }

        foreach (var function in app.Functions)
        {
            variables[Prefix(function.Name, stackName) + "_FUNCTION_NAME"] = function.Name;
        }

        return variables;
    }

    /// <summary>The endpoint as the SDKs' <c>AWS_ENDPOINT_URL*</c> variables take it (no trailing slash).</summary>
    public static string EndpointUrl(Uri endpoint) => endpoint.ToString().TrimEnd('/');

    /// <summary>The name a resource is linked by: its physical name without <c>{stack}-</c>.</summary>
    public static string LinkName(string physicalName, string stackName) =>
        physicalName.StartsWith(stackName + "-", StringComparison.Ordinal) ? physicalName[(stackName.Length + 1)..] : physicalName;

    /// <summary><c>STLV_{LINK}</c> as Stelvio's links name variables: upper case, other characters '_', a leading digit spelt out.</summary>
    private static string Prefix(string physicalName, string stackName)
    {
        var name = LinkName(physicalName, stackName);
        var segment = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            segment.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        var text = segment.ToString();
        if (text.Length > 0 && char.IsAsciiDigit(text[0]))
        {
            string[] digits = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"];
            var rest = text[1..];
            text = digits[text[0] - '0'] + (rest.Length == 0 || rest[0] == '_' ? "" : "_") + rest;
        }

        return "STLV_" + text;
    }
}
