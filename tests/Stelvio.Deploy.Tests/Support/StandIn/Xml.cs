using System.Globalization;
using System.Security;

namespace Stelvio.Deploy.Tests.Support.StandIn;

/// <summary>
/// CloudFormation and STS response bodies in the shapes of the AWS API references' examples
/// (namespace, <c>{Action}Response</c> / <c>{Action}Result</c>, lists of <c>member</c>, <c>ResponseMetadata</c>).
/// </summary>
public static class Xml
{
    public const string CfnNamespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    public const string Account = "123456789012";

    public static string StackId(string name) => $"arn:aws:cloudformation:us-east-1:{Account}:stack/{name}/aaf549a0-a413-11df-adb3-5081b3858e83";

    public static string ChangeSetId(string name) => $"arn:aws:cloudformation:us-east-1:{Account}:changeSet/{name}/1a2345b6-0000-00a0-a123-00abc0abc000";

    public static string Response(string action, string result, string ns = CfnNamespace) =>
        $"""
        <{action}Response xmlns="{ns}">
          <{action}Result>
        {result}
          </{action}Result>
          <ResponseMetadata>
            <RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId>
          </ResponseMetadata>
        </{action}Response>
        """;

    public static string Empty(string action) =>
        $"""
        <{action}Response xmlns="{CfnNamespace}">
          <ResponseMetadata>
            <RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId>
          </ResponseMetadata>
        </{action}Response>
        """;

    public static string Error(string code, string message, string type = "Sender") =>
        $"""
        <ErrorResponse xmlns="{CfnNamespace}">
          <Error>
            <Type>{type}</Type>
            <Code>{E(code)}</Code>
            <Message>{E(message)}</Message>
          </Error>
          <RequestId>4af14eec-350e-11e4-b260-example</RequestId>
        </ErrorResponse>
        """;

    public static string GetCallerIdentity() => Response(
        "GetCallerIdentity",
        $"""
            <Arn>arn:aws:iam::{Account}:user/deployer</Arn>
            <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
            <Account>{Account}</Account>
        """,
        "https://sts.amazonaws.com/doc/2011-06-15/");

    public static string StackMissing(string name) => Error("ValidationError", $"Stack with id {name} does not exist");

    public static string DescribeStacks(string name, string status, string? reason = null, IEnumerable<(string Key, string Value)>? outputs = null, IEnumerable<(string Key, string Value)>? tags = null)
    {
        var outputMembers = string.Concat((outputs ?? []).Select(o =>
            $"<member><OutputKey>{E(o.Key)}</OutputKey><OutputValue>{E(o.Value)}</OutputValue><Description>{E(o.Key)} of the app</Description></member>"));
        var tagMembers = string.Concat((tags ?? []).Select(t => $"<member><Key>{E(t.Key)}</Key><Value>{E(t.Value)}</Value></member>"));
        return Response(
            "DescribeStacks",
            $"""
                <Stacks>
                  <member>
                    <StackName>{E(name)}</StackName>
                    <StackId>{StackId(name)}</StackId>
                    <Description>Stelvio app</Description>
                    <CreationTime>2026-05-01T10:00:00.123Z</CreationTime>
                    <LastUpdatedTime>2026-05-01T10:05:00.456Z</LastUpdatedTime>
                    <StackStatus>{status}</StackStatus>
                    {(reason is null ? "" : $"<StackStatusReason>{E(reason)}</StackStatusReason>")}
                    <DisableRollback>false</DisableRollback>
                    <Outputs>{outputMembers}</Outputs>
                    <Tags>{tagMembers}</Tags>
                  </member>
                </Stacks>
            """);
    }

    public static string CreateChangeSet(string stack, string changeSet = "stelvio") => Response(
        "CreateChangeSet",
        $"""
            <Id>{ChangeSetId(changeSet)}</Id>
            <StackId>{StackId(stack)}</StackId>
        """);

    /// <summary>One <c>Changes</c> member: a resource change and its details.</summary>
    public static string Change(string action, string logicalId, string type, string? replacement = null, params (string Name, string Recreation)[] properties)
    {
        var details = string.Concat(properties.Select(p =>
            $"<member><Target><Attribute>Properties</Attribute><Name>{p.Name}</Name><RequiresRecreation>{p.Recreation}</RequiresRecreation></Target>" +
            "<Evaluation>Static</Evaluation><ChangeSource>DirectModification</ChangeSource></member>"));
        return $"""
                  <member>
                    <Type>Resource</Type>
                    <ResourceChange>
                      <Action>{action}</Action>
                      <LogicalResourceId>{logicalId}</LogicalResourceId>
                      {(action == "Add" ? "" : $"<PhysicalResourceId>shop-test-{logicalId.ToLowerInvariant()}</PhysicalResourceId>")}
                      <ResourceType>{type}</ResourceType>
                      {(replacement is null ? "" : $"<Replacement>{replacement}</Replacement>")}
                      <Scope>{(properties.Length > 0 ? "<member>Properties</member>" : "")}</Scope>
                      <Details>{details}</Details>
                    </ResourceChange>
                  </member>
            """;
    }

    public static string DescribeChangeSet(string stack, string status, string? reason = null, string executionStatus = "AVAILABLE", string? nextToken = null, params string[] changes) => Response(
        "DescribeChangeSet",
        $"""
            <ChangeSetName>stelvio</ChangeSetName>
            <ChangeSetId>{ChangeSetId("stelvio")}</ChangeSetId>
            <StackId>{StackId(stack)}</StackId>
            <StackName>{stack}</StackName>
            <CreationTime>2026-05-01T10:00:00.123Z</CreationTime>
            <ExecutionStatus>{executionStatus}</ExecutionStatus>
            <Status>{status}</Status>
            {(reason is null ? "" : $"<StatusReason>{E(reason)}</StatusReason>")}
            <Capabilities><member>CAPABILITY_IAM</member><member>CAPABILITY_NAMED_IAM</member></Capabilities>
            <Changes>{string.Concat(changes)}</Changes>
            {(nextToken is null ? "" : $"<NextToken>{nextToken}</NextToken>")}
        """);

    /// <summary>One event, as a <c>StackEvents</c> member.</summary>
    public static string Event(string id, string stack, string logicalId, string type, string status, string? reason = null, int second = 0)
    {
        var time = new DateTime(2026, 5, 1, 10, 0, 0, DateTimeKind.Utc).AddSeconds(second).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var physical = logicalId == stack ? StackId(stack) : "shop-test-" + logicalId.ToLowerInvariant();
        return $"""
                  <member>
                    <EventId>{id}</EventId>
                    <StackId>{StackId(stack)}</StackId>
                    <StackName>{stack}</StackName>
                    <LogicalResourceId>{logicalId}</LogicalResourceId>
                    <PhysicalResourceId>{physical}</PhysicalResourceId>
                    <ResourceType>{type}</ResourceType>
                    <Timestamp>{time}</Timestamp>
                    <ResourceStatus>{status}</ResourceStatus>
                    {(reason is null ? "" : $"<ResourceStatusReason>{E(reason)}</ResourceStatusReason>")}
                  </member>
            """;
    }

    /// <summary>Events newest first, as CloudFormation returns them.</summary>
    public static string DescribeStackEvents(string? nextToken, params string[] newestFirst) => Response(
        "DescribeStackEvents",
        $"""
            <StackEvents>{string.Concat(newestFirst)}</StackEvents>
            {(nextToken is null ? "" : $"<NextToken>{nextToken}</NextToken>")}
        """);

    /// <summary>One page of <c>ListStackResources</c>.</summary>
    public static string ListStackResources(string? nextToken, params (string LogicalId, string Type, string PhysicalId)[] resources) => Response(
        "ListStackResources",
        $"""
            <StackResourceSummaries>{string.Concat(resources.Select(r =>
                $"<member><LogicalResourceId>{r.LogicalId}</LogicalResourceId><PhysicalResourceId>{E(r.PhysicalId)}</PhysicalResourceId>" +
                $"<ResourceType>{r.Type}</ResourceType><LastUpdatedTimestamp>2026-05-01T10:00:00Z</LastUpdatedTimestamp>" +
                "<ResourceStatus>CREATE_COMPLETE</ResourceStatus></member>"))}</StackResourceSummaries>
            {(nextToken is null ? "" : $"<NextToken>{nextToken}</NextToken>")}
        """);

    /// <summary>DynamoDB's <c>DescribeTable</c> answer (JSON protocol), with the stream ARN when there is one.</summary>
    public static string DescribeTable(string table, string? streamArn) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Table"] = streamArn is null
                ? new Dictionary<string, object> { ["TableName"] = table, ["TableStatus"] = "ACTIVE" }
                : new Dictionary<string, object> { ["TableName"] = table, ["TableStatus"] = "ACTIVE", ["LatestStreamArn"] = streamArn },
        });

    public static string GetTemplate(string body) => Response(
        "GetTemplate",
        $"""
            <TemplateBody>{E(body)}</TemplateBody>
            <StagesAvailable><member>Original</member><member>Processed</member></StagesAvailable>
        """);

    private static string E(string text) => SecurityElement.Escape(text);
}
