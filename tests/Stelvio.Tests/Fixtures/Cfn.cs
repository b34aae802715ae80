using System.Text.Json.Nodes;

namespace Stelvio.Tests.Fixtures;

/// <summary>Intrinsic functions as template JSON, for expectations.</summary>
public static class Cfn
{
    public static JsonNode Ref(string logicalId) => new JsonObject { ["Ref"] = logicalId };

    public static JsonNode GetAtt(string logicalId, string attribute) => new JsonObject { ["Fn::GetAtt"] = new JsonArray(logicalId, attribute) };

    public static JsonNode Sub(string format) => new JsonObject { ["Fn::Sub"] = format };

    /// <summary>The trust policy of every function role.</summary>
    public static JsonNode LambdaTrustPolicy() => JsonNode.Parse("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}
        """)!;

    public static JsonNode BasicExecutionRole() => Sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");

    /// <summary>An <c>Allow</c> statement.</summary>
    public static JsonNode Statement(string[] actions, params JsonNode[] resources) => new JsonObject
    {
        ["Effect"] = "Allow",
        ["Action"] = new JsonArray([.. actions.Select(a => (JsonNode)JsonValue.Create(a))]),
        ["Resource"] = new JsonArray([.. resources.Select(r => r.DeepClone())]),
    };

    public static JsonNode Text(string value) => JsonValue.Create(value);

    /// <summary>The statements of the policy with this logical ID.</summary>
    public static JsonArray Statements(Stelvio.Testing.Template template, string policyLogicalId) =>
        template.Resource(policyLogicalId)["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray();

    /// <summary>The environment variables of the function with this logical ID (empty when it has none).</summary>
    public static JsonObject Variables(Stelvio.Testing.Template template, string functionLogicalId) =>
        template.Resource(functionLogicalId)["Properties"]!["Environment"]?["Variables"]?.AsObject() ?? [];
}
