using System.Text.Json.Nodes;
using Stelvio.Deploy.Diff;

namespace Stelvio.Deploy.Tests.Diff;

public sealed class PermissionDiffTests
{
    private static JsonObject Template(string resources) => (JsonObject)JsonNode.Parse($$"""{"Resources": {{resources}}}""")!;

    private static string Role(string statements) => $$$"""
        "AuditRole": {"Type": "AWS::IAM::Role", "Properties": {
          "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
          "ManagedPolicyArns": ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
          "Policies": [{"PolicyName": "links", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{{{statements}}}]}}]
        }}
        """;

    private const string ReadOrders = """{"Effect": "Allow", "Action": ["dynamodb:Query", "dynamodb:GetItem"], "Resource": [{"Fn::GetAtt": ["OrdersTable", "Arn"]}, {"Fn::Sub": "${OrdersTable.Arn}/index/*"}]}""";
    private const string WriteOrders = """{"Effect": "Allow", "Action": "dynamodb:PutItem", "Resource": {"Fn::GetAtt": ["OrdersTable", "Arn"]}}""";

    [Fact]
    public void ANewRole_WidensByEveryGrantItMakes()
    {
        var added = PermissionDiff.Added(null, Template("{" + Role(ReadOrders) + "}"));

        Assert.Equal(
            [
                "AuditRole: Allow sts:AssumeRole to service lambda.amazonaws.com",
                "AuditRole: Allow dynamodb:GetItem, dynamodb:Query on ${OrdersTable.Arn}/index/*, OrdersTable.Arn",
                "AuditRole: attaches managed policy arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            ],
            added.Select(g => g.ToString()));
        Assert.All(added, g => Assert.True(g.Widens));
    }

    [Fact]
    public void AStatementAddedToAnExistingRole_IsTheOnlyWidening()
    {
        var added = PermissionDiff.Added(
            Template("{" + Role(ReadOrders) + "}"),
            Template("{" + Role(ReadOrders + "," + WriteOrders) + "}"));

        Assert.Equal("AuditRole: Allow dynamodb:PutItem on OrdersTable.Arn", Assert.Single(added).ToString());
    }

    [Fact]
    public void RemovingAStatement_DoesNotWiden() =>
        Assert.Empty(PermissionDiff.Added(
            Template("{" + Role(ReadOrders + "," + WriteOrders) + "}"),
            Template("{" + Role(ReadOrders) + "}")));

    [Fact]
    public void ALambdaInvokePermission_IsAGrantToItsPrincipal()
    {
        var added = PermissionDiff.Added(null, Template("""
            {"InvokePermission": {"Type": "AWS::Lambda::Permission", "Properties": {
              "Action": "lambda:InvokeFunction", "FunctionName": {"Ref": "ApiFunction"}, "Principal": "apigateway.amazonaws.com",
              "SourceArn": {"Fn::Sub": "arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:abc/*"}}}}
            """));

        Assert.Equal(
            "InvokePermission: Allow lambda:InvokeFunction on ApiFunction to apigateway.amazonaws.com from arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:abc/*",
            Assert.Single(added).ToString());
    }

    [Fact]
    public void TablesAlone_GrantNothing() =>
        Assert.Empty(PermissionDiff.Added(null, Template("""{"OrdersTable": {"Type": "AWS::DynamoDB::Table", "Properties": {}}}""")));
}
