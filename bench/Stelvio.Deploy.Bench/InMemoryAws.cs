using System.Net;
using System.Text;
using Stelvio.Deploy.AssetPublishing;

namespace Stelvio.Deploy.Bench;

/// <summary>
/// CloudFormation and STS answering at once from memory, so that a benchmarked deploy measures only
/// Stelvio's own work (synth, hashing, upload decisions, signing, XML, rendering) and no round trip.
/// </summary>
internal sealed class InMemoryAws(bool stackExists) : HttpMessageHandler
{
    private const string Ns = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private const string StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/shop-bench/1";
    private const string ChangeSetId = "arn:aws:cloudformation:us-east-1:123456789012:changeSet/c/1";
    private bool executed;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var action = body[7..body.IndexOf('&', StringComparison.Ordinal)];
        var stackName = body.Contains("StackName=stelvio-bootstrap", StringComparison.Ordinal) ? "stelvio-bootstrap" : "shop-bench";
        var (status, xml) = action switch
        {
            "GetCallerIdentity" => (HttpStatusCode.OK, Result(action, "<Arn>arn:aws:iam::123456789012:user/bench</Arn><UserId>A</UserId><Account>123456789012</Account>", "https://sts.amazonaws.com/doc/2011-06-15/")),
            "DescribeStacks" when stackName == "stelvio-bootstrap" => (HttpStatusCode.OK, Stack("stelvio-bootstrap", "CREATE_COMPLETE", "<member><Key>stelvio:bootstrap-version</Key><Value>1</Value></member>")),
            "DescribeStacks" when stackExists || executed => (HttpStatusCode.OK, Stack("shop-bench", executed ? "UPDATE_COMPLETE" : "CREATE_COMPLETE", "")),
            "DescribeStacks" or "GetTemplate" when !stackExists => (HttpStatusCode.BadRequest, Error("ValidationError", "Stack with id shop-bench does not exist")),
            "GetTemplate" => (HttpStatusCode.OK, Result(action, "<TemplateBody>{}</TemplateBody>")),
            "CreateChangeSet" => (HttpStatusCode.OK, Result(action, $"<Id>{ChangeSetId}</Id><StackId>{StackId}</StackId>")),
            "DescribeChangeSet" when stackExists => (HttpStatusCode.OK, Result(action, $"<ChangeSetName>c</ChangeSetName><ChangeSetId>{ChangeSetId}</ChangeSetId><StackId>{StackId}</StackId><StackName>shop-bench</StackName><ExecutionStatus>UNAVAILABLE</ExecutionStatus><Status>FAILED</Status><StatusReason>The submitted information didn't contain changes. Submit different information to create a change set.</StatusReason><Changes/>")),
            "DescribeChangeSet" => (HttpStatusCode.OK, Result(action, $"<ChangeSetName>c</ChangeSetName><ChangeSetId>{ChangeSetId}</ChangeSetId><StackId>{StackId}</StackId><StackName>shop-bench</StackName><ExecutionStatus>AVAILABLE</ExecutionStatus><Status>CREATE_COMPLETE</Status><Changes><member><Type>Resource</Type><ResourceChange><Action>Add</Action><LogicalResourceId>OrdersTable</LogicalResourceId><ResourceType>AWS::DynamoDB::Table</ResourceType><Scope/><Details/></ResourceChange></member></Changes>")),
            "ExecuteChangeSet" => (HttpStatusCode.OK, Empty(action)),
            "DeleteChangeSet" => (HttpStatusCode.OK, Empty(action)),
            "DescribeStackEvents" => (HttpStatusCode.OK, Events()),
            _ => (HttpStatusCode.BadRequest, Error("InvalidAction", action)),
        };
        if (action == "ExecuteChangeSet")
        {
            executed = true;
        }

        return new HttpResponseMessage(status) { Content = new StringContent(xml, Encoding.UTF8, "text/xml") };
    }

    private string Events() => Result(
        "DescribeStackEvents",
        "<StackEvents>" + (executed
            ? Event("e3", "shop-bench", "AWS::CloudFormation::Stack", "CREATE_COMPLETE", 3) + Event("e2", "OrdersTable", "AWS::DynamoDB::Table", "CREATE_COMPLETE", 2) + Event("e1", "OrdersTable", "AWS::DynamoDB::Table", "CREATE_IN_PROGRESS", 1)
            : "") + Event("e0", "shop-bench", "AWS::CloudFormation::Stack", "REVIEW_IN_PROGRESS", 0) + "</StackEvents>");

    private static string Event(string id, string logical, string type, string status, int second) =>
        $"<member><EventId>{id}</EventId><StackId>{StackId}</StackId><StackName>shop-bench</StackName><LogicalResourceId>{logical}</LogicalResourceId><ResourceType>{type}</ResourceType><Timestamp>2026-05-01T10:00:0{second}Z</Timestamp><ResourceStatus>{status}</ResourceStatus></member>";

    private static string Stack(string name, string status, string tags) =>
        Result("DescribeStacks", $"<Stacks><member><StackName>{name}</StackName><StackId>{StackId}</StackId><StackStatus>{status}</StackStatus><Outputs><member><OutputKey>OrdersTableName</OutputKey><OutputValue>shop-bench-orders</OutputValue></member></Outputs><Tags>{tags}</Tags></member></Stacks>");

    private static string Result(string action, string inner, string ns = Ns) => $"<{action}Response xmlns=\"{ns}\"><{action}Result>{inner}</{action}Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></{action}Response>";

    private static string Empty(string action) => $"<{action}Response xmlns=\"{Ns}\"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></{action}Response>";

    private static string Error(string code, string message) => $"<ErrorResponse xmlns=\"{Ns}\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>r</RequestId></ErrorResponse>";
}

/// <summary>An asset bucket in memory where every asset is already uploaded, or none is.</summary>
internal sealed class MemoryStore(bool holdsEverything) : IAssetStore
{
    public Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<bool> ExistsAsync(string bucket, string key, CancellationToken cancellationToken) => Task.FromResult(holdsEverything);

    public Task PutFileAsync(string bucket, string key, string path, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PutBytesAsync(string bucket, string key, byte[] content, string contentType, CancellationToken cancellationToken) => Task.CompletedTask;

    public string UrlFor(string bucket, string key) => $"https://{bucket}.s3.us-east-1.amazonaws.com/{key}";
}
