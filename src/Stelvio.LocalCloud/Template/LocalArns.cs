namespace Stelvio.LocalCloud.Template;

/// <summary>ARNs in AWS's format, for the local region and account.</summary>
internal static class LocalArns
{
    public static string Table(string region, string accountId, string tableName) => $"arn:aws:dynamodb:{region}:{accountId}:table/{tableName}";

    public static string Function(string region, string accountId, string functionName) => $"arn:aws:lambda:{region}:{accountId}:function:{functionName}";

    /// <summary>A role ARN; <paramref name="path"/> is the role's path, <c>/</c> by default.</summary>
    public static string Role(string accountId, string roleName, string path = "/") => $"arn:aws:iam::{accountId}:role{path}{roleName}";

    public static string EventSourceMapping(string region, string accountId, string uuid) => $"arn:aws:lambda:{region}:{accountId}:event-source-mapping:{uuid}";

    public static string Queue(string region, string accountId, string queueName) => $"arn:aws:sqs:{region}:{accountId}:{queueName}";

    public static string QueueUrl(string region, string accountId, string queueName) => $"https://sqs.{region}.amazonaws.com/{accountId}/{queueName}";

    public static string Topic(string region, string accountId, string topicName) => $"arn:aws:sns:{region}:{accountId}:{topicName}";
}
