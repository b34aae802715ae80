using System.Net;
using Stelvio.Deploy.Tests.Support.StandIn;

namespace Stelvio.Deploy.Tests.Commands;

/// <summary>
/// A scripted CloudFormation for one stack: what it says before the change set is executed and after,
/// the change set, and the events that appear one poll after another.
/// </summary>
internal sealed class StandInScenario
{
    public const string Stack = "shop-test";
    private int eventPolls;
    private int statusPolls;

    public StandInScenario(CloudFormationStandIn standIn)
    {
        StandIn = standIn;
        standIn.On("DescribeStacks", r => r["StackName"] == "stelvio-bootstrap"
            ? Reply.Ok(Xml.DescribeStacks("stelvio-bootstrap", "CREATE_COMPLETE", tags: [("stelvio:bootstrap-version", "1")]))
            : DescribeStacks());
        standIn.On("GetTemplate", _ => DeployedTemplate is null ? Missing() : Reply.Ok(Xml.GetTemplate(DeployedTemplate)));
        standIn.On("CreateChangeSet", _ => Reply.Ok(Xml.CreateChangeSet(Stack)));
        standIn.On("DescribeChangeSet", _ => Reply.Ok(ChangeSet));
        standIn.On("ExecuteChangeSet", r =>
        {
            if (Executed && LoseExecuteAnswer)
            {
                return Reply.Error(HttpStatusCode.BadRequest, "TokenAlreadyExistsException", $"Another ExecuteChangeSet request with token {r["ClientRequestToken"]} was received.");
            }

            Executed = true;
            OnExecute?.Invoke();
            return LoseExecuteAnswer ? Reply.Lost() : Reply.Ok(Xml.Empty("ExecuteChangeSet"));
        });
        standIn.On("DeleteChangeSet", _ => Reply.Ok(Xml.Empty("DeleteChangeSet")));
        standIn.On("DeleteStack", _ =>
        {
            Executed = true;
            return Reply.Ok(Xml.Empty("DeleteStack"));
        });
        standIn.On("DescribeStackEvents", _ => Events());
        standIn.On("ListStackResources", _ => Reply.Ok(Xml.ListStackResources(null, Resources)));
        standIn.On("DescribeTable", r => Reply.Json(Xml.DescribeTable(r["TableName"]!, StreamArns.GetValueOrDefault(r["TableName"]!))));
    }

    public CloudFormationStandIn StandIn { get; }

    /// <summary>The status before execution; null: no stack.</summary>
    public string? StatusBefore { get; set; }

    /// <summary>The statuses after execution, one per look; the last repeats. Null: the stack is gone.</summary>
    public List<string?> StatusesAfter { get; } = [];

    public string? FinalReason { get; set; }

    public List<(string Key, string Value)> Outputs { get; } = [];

    /// <summary>The deployed template's body for GetTemplate; null: no stack.</summary>
    public string? DeployedTemplate { get; set; }

    /// <summary>The DescribeChangeSet body.</summary>
    public string ChangeSet { get; set; } = "";

    /// <summary>Events present before execution (newest first).</summary>
    public List<string> EventsBefore { get; } = [];

    /// <summary>Batches of events appearing after execution, one batch per look (each newest first).</summary>
    public List<string[]> EventBatches { get; } = [];

    public (string LogicalId, string Type, string PhysicalId)[] Resources { get; set; } = [];

    /// <summary>Stream ARNs DynamoDB's DescribeTable gives, by table name.</summary>
    public Dictionary<string, string> StreamArns { get; } = new(StringComparer.Ordinal);

    public bool Executed { get; private set; }

    public Action? OnExecute { get; set; }

    /// <summary>Whether ExecuteChangeSet is carried out but its answer lost (the connection drops); a repeat gets TokenAlreadyExistsException.</summary>
    public bool LoseExecuteAnswer { get; set; }

    private Reply DescribeStacks()
    {
        if (!Executed)
        {
            return StatusBefore is null ? Missing() : Reply.Ok(Xml.DescribeStacks(Stack, StatusBefore, tags: [("stelvio:app", "shop")]));
        }

        var status = StatusesAfter[Math.Min(statusPolls++, StatusesAfter.Count - 1)];
        return status is null ? Missing() : Reply.Ok(Xml.DescribeStacks(Stack, status, FinalReason, Outputs));
    }

    private Reply Events()
    {
        if (!Executed)
        {
            return StatusBefore is null && EventsBefore.Count == 0 ? Missing() : Reply.Ok(Xml.DescribeStackEvents(null, [.. EventsBefore]));
        }

        var shown = Math.Min(++eventPolls, EventBatches.Count);
        var events = EventBatches.Take(shown).Reverse().SelectMany(b => b).Concat(EventsBefore).ToArray();
        return Reply.Ok(Xml.DescribeStackEvents(null, events));
    }

    private static Reply Missing() => Reply.Error(HttpStatusCode.BadRequest, "ValidationError", $"Stack with id {Stack} does not exist");
}
