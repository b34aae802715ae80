using System.Text.Json.Nodes;

namespace Stelvio.LocalCloud.Iam.Policies;

/// <summary>
/// The AWS managed policies a Stelvio function role can carry, with their documents as AWS publishes them (AWS managed
/// policy reference). Any other managed policy ARN is not evaluated locally: its permissions are not granted.
/// </summary>
internal static class ManagedPolicies
{
    private static readonly Dictionary<string, string> Documents = new(StringComparer.Ordinal)
    {
        ["service-role/AWSLambdaBasicExecutionRole"] =
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}""",
        ["service-role/AWSLambdaDynamoDBExecutionRole"] =
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["dynamodb:DescribeStream","dynamodb:GetRecords","dynamodb:GetShardIterator","dynamodb:ListStreams","logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}""",
    };

    /// <summary>The document of the AWS managed policy <paramref name="arn"/> (<c>arn:aws:iam::aws:policy/…</c>), or null when unknown.</summary>
    public static JsonObject? Find(string arn)
    {
        const string marker = ":iam::aws:policy/";
        var at = arn.IndexOf(marker, StringComparison.Ordinal);
        return at > 0 && Documents.TryGetValue(arn[(at + marker.Length)..], out var json) ? JsonNode.Parse(json)!.AsObject() : null;
    }
}
