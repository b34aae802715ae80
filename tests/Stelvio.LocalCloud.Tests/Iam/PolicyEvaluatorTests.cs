using System.Text.Json.Nodes;
using Stelvio.LocalCloud.Iam.Policies;

namespace Stelvio.LocalCloud.Tests.Iam;

public sealed class PolicyEvaluatorTests
{
    private const string Orders = "arn:aws:dynamodb:us-east-1:000000000000:table/orders";
    private const string Audit = "arn:aws:dynamodb:us-east-1:000000000000:table/audit";

    private static readonly RequestContext Context = new RequestContext().With("aws:RequestedRegion", "us-east-1");

    private static List<PolicyStatement> Parse(string json, List<string>? notes = null) =>
        PolicyParser.Parse(JsonNode.Parse(json)!.AsObject(), "TestRole policy P", notes ?? []);

    private static PolicyDecisionKind Decide(string policy, string action, string resource, RequestContext? context = null) =>
        PolicyEvaluator.Evaluate(Parse(policy), action, resource, context ?? Context).Kind;

    [Fact]
    public void Nothing_allowed_is_an_implicit_deny()
    {
        Assert.Equal(PolicyDecisionKind.ImplicitDeny, Decide("""{"Statement":[]}""", "dynamodb:GetItem", Orders));
        Assert.Equal(PolicyDecisionKind.ImplicitDeny, Decide($$$"""{"Statement":{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"{{{Orders}}}"}}""", "dynamodb:PutItem", Orders));
        Assert.Equal(PolicyDecisionKind.ImplicitDeny, Decide($$$"""{"Statement":{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"{{{Orders}}}"}}""", "dynamodb:GetItem", Audit));
    }

    [Fact]
    public void An_allow_naming_action_and_resource_allows()
    {
        var policy = $$$"""{"Statement":[{"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem"],"Resource":["{{{Audit}}}","{{{Orders}}}"]}]}""";
        Assert.Equal(PolicyDecisionKind.Allowed, Decide(policy, "dynamodb:PutItem", Orders));
    }

    [Fact]
    public void An_explicit_deny_wins_whatever_the_order()
    {
        var allowFirst = $$$"""{"Statement":[{"Effect":"Allow","Action":"dynamodb:*","Resource":"*"},{"Effect":"Deny","Action":"dynamodb:DeleteItem","Resource":"{{{Orders}}}"}]}""";
        var denyFirst = $$$"""{"Statement":[{"Effect":"Deny","Action":"dynamodb:DeleteItem","Resource":"{{{Orders}}}"},{"Effect":"Allow","Action":"dynamodb:*","Resource":"*"}]}""";
        Assert.Equal(PolicyDecisionKind.ExplicitDeny, Decide(allowFirst, "dynamodb:DeleteItem", Orders));
        Assert.Equal(PolicyDecisionKind.ExplicitDeny, Decide(denyFirst, "dynamodb:DeleteItem", Orders));
        Assert.Equal(PolicyDecisionKind.Allowed, Decide(denyFirst, "dynamodb:DeleteItem", Audit));
    }

    [Fact]
    public void NotAction_and_NotResource_apply_to_everything_else()
    {
        var policy = $$$"""{"Statement":[{"Effect":"Allow","NotAction":"dynamodb:Delete*","NotResource":"{{{Audit}}}"}]}""";
        Assert.Equal(PolicyDecisionKind.Allowed, Decide(policy, "dynamodb:PutItem", Orders));
        Assert.Equal(PolicyDecisionKind.ImplicitDeny, Decide(policy, "dynamodb:DeleteItem", Orders));
        Assert.Equal(PolicyDecisionKind.ImplicitDeny, Decide(policy, "dynamodb:PutItem", Audit));
    }

    [Fact]
    public void Conditions_on_known_keys_are_evaluated()
    {
        var policy = """{"Statement":[{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":["eu-west-1","us-east-1"]}}}]}""";
        Assert.Equal(PolicyDecisionKind.Allowed, Decide(policy, "dynamodb:GetItem", Orders));
        Assert.Equal(PolicyDecisionKind.ImplicitDeny, Decide(policy, "dynamodb:GetItem", Orders, new RequestContext().With("aws:RequestedRegion", "eu-central-1")));
    }

    [Fact]
    public void A_deny_conditioned_on_the_enclosing_transaction_applies_only_inside_one()
    {
        var policy = """
            {"Statement":[
              {"Effect":"Allow","Action":"dynamodb:PutItem","Resource":"*"},
              {"Effect":"Deny","Action":"dynamodb:PutItem","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"dynamodb:EnclosingOperation":["TransactWriteItems"]}}}]}
            """;
        Assert.Equal(PolicyDecisionKind.Allowed, Decide(policy, "dynamodb:PutItem", Orders));
        Assert.Equal(PolicyDecisionKind.ExplicitDeny, Decide(policy, "dynamodb:PutItem", Orders, Context.With("dynamodb:EnclosingOperation", "TransactWriteItems")));
    }

    [Fact]
    public void Unevaluated_conditions_favour_the_caller()
    {
        var notes = new List<string>();
        var statements = Parse(
            """
            {"Statement":[
              {"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}},
              {"Effect":"Deny","Action":"dynamodb:GetItem","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}}]}
            """,
            notes);
        Assert.Equal(PolicyDecisionKind.Allowed, PolicyEvaluator.Evaluate(statements, "dynamodb:GetItem", Orders, Context).Kind);
        Assert.False(ConditionEvaluator.CanEvaluate(statements[0].Conditions[0]));
        Assert.False(ConditionEvaluator.CanEvaluate(statements[1].Conditions[0]));
    }

    [Fact]
    public void Unreadable_statements_are_left_out_and_said_why()
    {
        var notes = new List<string>();
        var statements = Parse("""{"Statement":[{"Effect":"Permit","Action":"*","Resource":"*"},{"Effect":"Allow","Resource":"*"},{"Sid":"Vars","Effect":"Allow","Action":"*","Resource":"arn:aws:dynamodb:*:*:table/${aws:username}"}]}""", notes);
        Assert.Single(statements);
        Assert.Equal(
            [
                "TestRole policy P statement 1: Effect must be \"Allow\" or \"Deny\", not \"Permit\"; the statement is ignored locally.",
                "TestRole policy P statement 2: needs exactly one of Action and NotAction; the statement is ignored locally.",
                "TestRole policy P statement Vars: the policy variable in \"arn:aws:dynamodb:*:*:table/${aws:username}\" is not substituted locally; it matches only literally.",
            ],
            notes);
    }
}
