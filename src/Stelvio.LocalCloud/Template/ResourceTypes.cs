namespace Stelvio.LocalCloud.Template;

/// <summary>The resource types the local cloud reads.</summary>
internal static class ResourceTypes
{
    public const string Table = "AWS::DynamoDB::Table";
    public const string Function = "AWS::Lambda::Function";
    public const string Role = "AWS::IAM::Role";
    public const string Policy = "AWS::IAM::Policy";
    public const string EventSourceMapping = "AWS::Lambda::EventSourceMapping";

    /// <summary>Not run locally, but their names and ARNs resolve (an on-failure destination may be one).</summary>
    public const string Queue = "AWS::SQS::Queue";

    /// <summary>Not run locally, but its ARN resolves (an on-failure destination may be one).</summary>
    public const string Topic = "AWS::SNS::Topic";
}
