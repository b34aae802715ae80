using System.Text.Json.Nodes;
using Stelvio.CloudFormation;
using Stelvio.Links;

namespace Stelvio.Aws.Iam;

/// <summary>The IAM documents Stelvio writes: trust policies, permission policies, AWS managed policy ARNs.</summary>
internal static class IamPolicies
{
    /// <summary>The policy language version every document declares.</summary>
    public const string Version = "2012-10-17";

    /// <summary>Longest name of an inline policy.</summary>
    public const int PolicyNameMax = 128;

    /// <summary>
    /// The AWS managed policy every function role gets: writing its logs to CloudWatch Logs
    /// (<c>arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole</c>).
    /// </summary>
    public static Deferred<string> LambdaBasicExecution { get; } = ManagedPolicy("service-role/AWSLambdaBasicExecutionRole");

    /// <summary>The ARN of an AWS managed policy, in the stack's partition.</summary>
    public static Deferred<string> ManagedPolicy(string name) =>
        Deferred.Format($"arn:{new RefExpression("AWS::Partition")}:iam::aws:policy/{name}");

    /// <summary>A trust policy letting <paramref name="service"/> (such as <c>lambda.amazonaws.com</c>) assume a role.</summary>
    public static JsonObject TrustPolicy(string service) => new()
    {
        ["Version"] = Version,
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = service },
            ["Action"] = "sts:AssumeRole",
        }),
    };

    /// <summary>A permission policy with one <c>Allow</c> statement per permission, in order.</summary>
    public static JsonObject Document(IEnumerable<AwsPermission> permissions) => new()
    {
        ["Version"] = Version,
        ["Statement"] = new JsonArray([.. permissions.Select(p => (JsonNode)p.ToStatement())]),
    };
}
