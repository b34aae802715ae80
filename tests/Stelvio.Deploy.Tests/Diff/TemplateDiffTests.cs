using System.Text.Json.Nodes;
using Stelvio.Deploy.Diff;

namespace Stelvio.Deploy.Tests.Diff;

public sealed class TemplateDiffTests
{
    private static JsonObject Template(string resources, string outputs = "{}") =>
        (JsonObject)JsonNode.Parse($$"""{"Resources": {{resources}}, "Outputs": {{outputs}}}""")!;

    private const string Orders = """
        "OrdersTable": {"Type": "AWS::DynamoDB::Table", "DeletionPolicy": "Delete", "Properties": {
          "TableName": "shop-dev-orders",
          "GlobalSecondaryIndexes": [
            {"IndexName": "by-status", "Projection": {"ProjectionType": "KEYS_ONLY"}},
            {"IndexName": "by-total", "Projection": {"ProjectionType": "ALL"}}
          ],
          "StreamSpecification": {"StreamViewType": "NEW_IMAGE"},
          "Tags": [{"Key": "stelvio:app", "Value": "shop"}]
        }}
        """;

    [Fact]
    public void SameTemplates_HaveNoDifference() =>
        Assert.True(TemplateDiff.Compare(Template("{" + Orders + "}"), Template("{" + Orders + "}")).IsEmpty);

    [Fact]
    public void ChangedProperties_AreListedByPath_IndexesByName()
    {
        var changed = Orders
            .Replace("\"NEW_IMAGE\"", "\"NEW_AND_OLD_IMAGES\"", StringComparison.Ordinal)
            .Replace("{\"IndexName\": \"by-status\", \"Projection\": {\"ProjectionType\": \"KEYS_ONLY\"}},", "", StringComparison.Ordinal)
            .Replace("\"DeletionPolicy\": \"Delete\"", "\"DeletionPolicy\": \"Retain\"", StringComparison.Ordinal);

        var diff = TemplateDiff.Compare(Template("{" + Orders + "}"), Template("{" + changed + "}"));

        var table = Assert.Single(diff.Resources);
        Assert.Equal(("OrdersTable", "AWS::DynamoDB::Table", DiffKind.Modified), (table.LogicalId, table.Type, table.Kind));
        Assert.Equal(
            [
                ("DeletionPolicy", "\"Delete\"", "\"Retain\""),
                ("Properties.GlobalSecondaryIndexes[by-status]", "{\"IndexName\":\"by-status\",\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}", "null"),
                ("Properties.StreamSpecification.StreamViewType", "\"NEW_IMAGE\"", "\"NEW_AND_OLD_IMAGES\""),
            ],
            table.Changes.Select(c => (c.Path, c.Before?.ToJsonString() ?? "null", c.After?.ToJsonString() ?? "null")));
    }

    [Fact]
    public void AddedAndRemovedResources_AreListedWithTheirTypes()
    {
        var diff = TemplateDiff.Compare(
            Template("{" + Orders + "}"),
            Template("""{"UsersTable": {"Type": "AWS::DynamoDB::Table", "Properties": {}}}"""));

        Assert.Equal(
            [("UsersTable", DiffKind.Added), ("OrdersTable", DiffKind.Removed)],
            diff.Resources.Select(r => (r.LogicalId, r.Kind)));
    }

    [Fact]
    public void WithoutADeployedTemplate_EverythingIsAdded()
    {
        var diff = TemplateDiff.Compare(null, Template("{" + Orders + "}", """{"OrdersTableName": {"Value": {"Ref": "OrdersTable"}}}"""));

        Assert.Equal(DiffKind.Added, Assert.Single(diff.Resources).Kind);
        var output = Assert.Single(diff.Outputs);
        Assert.Equal(("OrdersTableName", null), (output.Path, output.Before));
    }

    [Fact]
    public void AChangedIntrinsic_IsOneChangeOfTheWholeValue()
    {
        var diff = TemplateDiff.Compare(
            Template("""{"F": {"Type": "AWS::Lambda::Function", "Properties": {"Role": {"Fn::GetAtt": ["ARole", "Arn"]}}}}"""),
            Template("""{"F": {"Type": "AWS::Lambda::Function", "Properties": {"Role": {"Fn::GetAtt": ["BRole", "Arn"]}}}}"""));

        var change = Assert.Single(Assert.Single(diff.Resources).Changes);
        Assert.Equal("Properties.Role", change.Path);
        Assert.Equal("{\"Fn::GetAtt\":[\"BRole\",\"Arn\"]}", change.After!.ToJsonString());
    }

    [Theory]
    [InlineData("Resources:\n  A:\n    Type: AWS::SNS::Topic\n")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_OfWhatIsNotAJsonTemplate_IsNull(string? body) => Assert.Null(TemplateDiff.Parse(body));
}
