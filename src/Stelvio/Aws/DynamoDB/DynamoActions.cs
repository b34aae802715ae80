namespace Stelvio.Aws.DynamoDB;

/// <summary>
/// The IAM actions Stelvio grants on DynamoDB tables and streams. Besides the guide's six table actions, the
/// default link grants what the AWS SDK for .NET's everyday APIs call, so that linked code does not meet
/// AccessDenied: <c>BatchGetItem</c>/<c>BatchWriteItem</c> (the SDK's batch APIs), <c>ConditionCheckItem</c>
/// (transactions) and <c>DescribeTable</c> (which <c>DynamoDBContext</c> calls to learn the key schema).
/// </summary>
public static class DynamoActions
{
    public const string GetItem = "dynamodb:GetItem";
    public const string PutItem = "dynamodb:PutItem";
    public const string UpdateItem = "dynamodb:UpdateItem";
    public const string DeleteItem = "dynamodb:DeleteItem";
    public const string Query = "dynamodb:Query";
    public const string Scan = "dynamodb:Scan";
    public const string BatchGetItem = "dynamodb:BatchGetItem";
    public const string BatchWriteItem = "dynamodb:BatchWriteItem";
    public const string ConditionCheckItem = "dynamodb:ConditionCheckItem";
    public const string DescribeTable = "dynamodb:DescribeTable";
    public const string DescribeStream = "dynamodb:DescribeStream";
    public const string GetRecords = "dynamodb:GetRecords";
    public const string GetShardIterator = "dynamodb:GetShardIterator";
    public const string ListStreams = "dynamodb:ListStreams";

    /// <summary>On the table, for the default link: read and write items.</summary>
    public static IReadOnlyList<string> ReadWrite { get; } =
        [GetItem, PutItem, UpdateItem, DeleteItem, Query, Scan, BatchGetItem, BatchWriteItem, ConditionCheckItem, DescribeTable];

    /// <summary>On the table, for the read-only link: read items.</summary>
    public static IReadOnlyList<string> ReadOnly { get; } =
        [GetItem, Query, Scan, BatchGetItem, ConditionCheckItem, DescribeTable];

    /// <summary>On the table's indexes (<c>{arn}/index/*</c>): indexes only support queries and scans.</summary>
    public static IReadOnlyList<string> Index { get; } = [Query, Scan];

    /// <summary>On the stream's ARN, for a subscription's function: read the stream's records.</summary>
    public static IReadOnlyList<string> StreamRead { get; } = [DescribeStream, GetRecords, GetShardIterator];

    /// <summary>
    /// On <c>*</c>, for a subscription's function: <c>ListStreams</c> supports no resource-level permission
    /// (Service Authorization Reference), so it is granted apart from <see cref="StreamRead"/>.
    /// </summary>
    public static IReadOnlyList<string> StreamList { get; } = [ListStreams];
}
