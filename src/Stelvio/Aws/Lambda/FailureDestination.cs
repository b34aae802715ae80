using Stelvio.Links;

namespace Stelvio.Aws.Lambda;

/// <summary>
/// Where a stream subscription sends a description of the records it gave up on (after its retries or record
/// age ran out): an SQS queue or an SNS topic. The function's role is granted <c>sqs:SendMessage</c> or
/// <c>sns:Publish</c> on it, as Lambda sends with the function's role.
/// </summary>
public sealed class FailureDestination
{
    private FailureDestination(LinkValue arn, string action)
    {
        Arn = arn;
        Action = action;
    }

    /// <summary>The queue's or topic's ARN.</summary>
    public LinkValue Arn { get; }

    /// <summary>The IAM action the function's role needs on it.</summary>
    public string Action { get; }

    /// <summary>An SQS queue, by ARN (plain or deferred).</summary>
    public static FailureDestination Queue(LinkValue queueArn) => new(queueArn, "sqs:SendMessage");

    /// <summary>An SNS topic, by ARN (plain or deferred).</summary>
    public static FailureDestination Topic(LinkValue topicArn) => new(topicArn, "sns:Publish");

    /// <summary>The grant the function's role needs.</summary>
    internal AwsPermission Permission => new([Action], [Arn]);
}
