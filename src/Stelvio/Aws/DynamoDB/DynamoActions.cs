namespace Stelvio.Aws.DynamoDB;

/// <summary>
/// The IAM actions Stelvio grants on DynamoDB tables and streams. Besides the guide's six table actions, the
/// default link grants what the AWS SDK for .NET's everyday APIs call, so that linked code does not meet
/// AccessDenied: <c>BatchGetItem</c>/<c>BatchWriteItem</c> (the SDK's batch APIs), <c>ConditionCheckItem</c>
/// (transactions) and <c>DescribeTable</c> (which <c>DynamoDBContext</c> calls to learn the key schema).
/// </summary>
public static class DynamoActions
{
    /// <summary><c>dynamodb:GetItem</c>: Read one item by its key.</summary>
    public const string GetItem = "dynamodb:GetItem";
    /// <summary><c>dynamodb:PutItem</c>: Create or replace an item.</summary>
    public const string PutItem = "dynamodb:PutItem";
    /// <summary><c>dynamodb:UpdateItem</c>: Change some attributes of an item.</summary>
    public const string UpdateItem = "dynamodb:UpdateItem";
    /// <summary><c>dynamodb:DeleteItem</c>: Delete an item by its key.</summary>
    public const string DeleteItem = "dynamodb:DeleteItem";
    /// <summary><c>dynamodb:Query</c>: Read the items of one partition (of the table or an index).</summary>
    public const string Query = "dynamodb:Query";
    /// <summary><c>dynamodb:Scan</c>: Read every item (of the table or an index).</summary>
    public const string Scan = "dynamodb:Scan";
    /// <summary><c>dynamodb:BatchGetItem</c>: Read up to 100 items in one call.</summary>
    public const string BatchGetItem = "dynamodb:BatchGetItem";
    /// <summary><c>dynamodb:BatchWriteItem</c>: Put or delete up to 25 items in one call.</summary>
    public const string BatchWriteItem = "dynamodb:BatchWriteItem";
    /// <summary><c>dynamodb:ConditionCheckItem</c>: Check a condition on an item inside a transaction.</summary>
    public const string ConditionCheckItem = "dynamodb:ConditionCheckItem";
    /// <summary><c>dynamodb:DescribeTable</c>: Read the table's description (key schema, indexes, stream).</summary>
    public const string DescribeTable = "dynamodb:DescribeTable";
    /// <summary><c>dynamodb:DescribeStream</c>: Read a stream's description and shards.</summary>
    public const string DescribeStream = "dynamodb:DescribeStream";
    /// <summary><c>dynamodb:GetRecords</c>: Read the records of a stream shard.</summary>
    public const string GetRecords = "dynamodb:GetRecords";
    /// <summary><c>dynamodb:GetShardIterator</c>: Get a position in a stream shard to read from.</summary>
    public const string GetShardIterator = "dynamodb:GetShardIterator";
    /// <summary><c>dynamodb:ListStreams</c>: List the streams of the account.</summary>
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
