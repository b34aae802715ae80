using System.Text.Json.Nodes;
using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Links;
using Stelvio.Testing;
using Stelvio.Tests.Fixtures;

namespace Stelvio.Tests.Links;

/// <summary>The <see cref="Link"/> record, its customisation methods and custom links.</summary>
public sealed class LinkTests
{
    private static readonly AwsPermission Invoke = new(["execute-api:Invoke"], ["arn:aws:execute-api:eu-west-1:123456789012:abc123/*"]);
    private static readonly AwsPermission Publish = new(["sns:Publish"], ["arn:aws:sns:eu-west-1:123456789012:alerts"]);

    private static Link Payments() => new("payments", new Dictionary<string, LinkValue> { ["url"] = "https://payments.example.com", ["mode"] = "live" }, [Invoke]);

    [Fact]
    public void CustomLink_InAFunction_SetsItsVariablesAndStatementsInOrder()
    {
        var template = AppSynth.Template(app =>
        {
            var users = GuideTables.Users();
            new Function("checkout", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [Payments(), users] });
        });

        var statements = Cfn.Statements(template, "CheckoutPolicy");
        Assert.Equal(3, statements.Count);
        Assert.True(JsonNode.DeepEquals(Cfn.Statement(["execute-api:Invoke"], Cfn.Text("arn:aws:execute-api:eu-west-1:123456789012:abc123/*")), statements[0]));
        Assert.Equal("dynamodb:GetItem", statements[1]!["Action"]![0]!.GetValue<string>());
        var variables = Cfn.Variables(template, "CheckoutFunction");
        Assert.Equal("https://payments.example.com", variables["STLV_PAYMENTS_URL"]!.GetValue<string>());
        Assert.Equal("live", variables["STLV_PAYMENTS_MODE"]!.GetValue<string>());
        Assert.Equal(4, variables.Count);
    }

    [Fact]
    public void CustomLink_WithOnlyPermissions_AddsStatementsButNoVariables()
    {
        var template = AppSynth.Template(app => new Function("alerts", new()
        {
            Handler = "functions/Orders::OrderHandlers.ProcessChanges",
            Links = [new Link("alerts", permissions: [Publish])],
        }));

        Assert.Single(Cfn.Statements(template, "AlertsPolicy"));
        template.HasResourceProperties("AWS::Lambda::Function", new { Environment = Match.Absent() });
    }

    [Fact]
    public void WithProperties_ReplacesAllPropertiesAndKeepsTheRest()
    {
        var original = Payments();

        var changed = original.WithProperties(new Dictionary<string, LinkValue> { ["endpoint"] = "https://x" });

        Assert.Equal(["endpoint"], changed.Properties.Keys);
        Assert.Equal([Invoke], changed.Permissions);
        Assert.Equal("payments", changed.Name);
        Assert.Equal(["url", "mode"], original.Properties.Keys);
    }

    [Fact]
    public void AddProperties_AddsNewOnesAndReplacesExistingValues()
    {
        var original = Payments();

        var changed = original.AddProperties(new Dictionary<string, LinkValue> { ["mode"] = "test", ["region"] = "eu-west-1" });

        Assert.Equal(["url", "mode", "region"], changed.Properties.Keys);
        Assert.Equal("test", changed.Properties["mode"].Literal);
        Assert.Equal("live", original.Properties["mode"].Literal);
    }

    [Fact]
    public void RemoveProperties_RemovesByName()
    {
        var changed = Payments().RemoveProperties("mode");

        Assert.Equal(["url"], changed.Properties.Keys);
    }

    [Fact]
    public void RemoveProperties_OfAPropertyTheLinkLacks_IsAnErrorListingItsProperties()
    {
        var error = Assert.Throws<StelvioConfigException>(() => Payments().RemoveProperties("url", "tabel_name"));

        Assert.Equal("Link 'payments': RemoveProperties: the link has no property 'tabel_name'. Its properties are: url, mode.", error.Message);
    }

    [Fact]
    public void WithPermissionsAndAddPermissions_ReplaceOrAppend()
    {
        var original = Payments();

        Assert.Equal([Publish], original.WithPermissions(Publish).Permissions);
        Assert.Equal([Invoke, Publish], original.AddPermissions(Publish).Permissions);
        Assert.Empty(original.WithPermissions().Permissions);
        Assert.Equal([Invoke], original.Permissions);
    }

    [Fact]
    public void WithConfig_ReplacesPropertiesAndPermissionsTogether()
    {
        var changed = Payments().WithConfig(new Dictionary<string, LinkValue> { ["only"] = "1" }, [Publish]);

        Assert.Equal(["only"], changed.Properties.Keys);
        Assert.Equal([Publish], changed.Permissions);
        Assert.Equal("payments", changed.Name);
    }

    [Fact]
    public void Links_WithTheSameContent_AreEqual()
    {
        Assert.Equal(Payments(), Payments());
        Assert.NotEqual(Payments(), Payments().WithName("billing"));
        Assert.NotEqual(Payments(), Payments().AddPermissions(Publish));
        Assert.NotEqual(Payments(), Payments().AddProperties(new Dictionary<string, LinkValue> { ["mode"] = "test" }));
    }

    [Fact]
    public void WithName_RenamesTheLinkAndKeepsItsComponent()
    {
        DynamoTable? users = null;
        StelvioApp.Declare("shop", "test", app => users = GuideTables.Users(), FixtureProject.Directory);

        var renamed = users!.Link().WithName("people");

        Assert.Equal("people", renamed.Name);
        Assert.Same(users, renamed.Component);
        Assert.Equal(users.Link().Properties.Keys, renamed.Properties.Keys);
    }

    [Fact]
    public void Link_WithoutLettersOrDigitsInName_IsRefused()
    {
        var error = Assert.Throws<StelvioConfigException>(() => new Link("--"));

        Assert.Equal("Link '--': name: a link name needs at least one letter or digit: it names the link's environment variables.", error.Message);
    }

    [Fact]
    public void Link_WithPropertyNameWithoutLettersOrDigits_IsRefused()
    {
        var error = Assert.Throws<StelvioConfigException>(() => new Link("payments", new Dictionary<string, LinkValue> { ["_"] = "x" }));

        Assert.Equal("Link 'payments': Properties: the property name '_' needs at least one letter or digit: it names an environment variable.", error.Message);
    }

    [Fact]
    public void Link_WithNullPermission_IsRefused()
    {
        var error = Assert.Throws<StelvioConfigException>(() => new Link("payments", permissions: [Invoke, null!]));

        Assert.Equal("Link 'payments': Permissions: holds a null permission.", error.Message);
    }

    [Theory]
    [InlineData(new string[0], new[] { "arn:aws:s3:::bucket" }, "has no actions. Give at least one IAM action, such as \"dynamodb:GetItem\".")]
    [InlineData(new[] { "GetItem" }, new[] { "arn:aws:s3:::bucket" }, "the action 'GetItem' is not an IAM action. Write it as \"service:Action\", such as \"dynamodb:GetItem\" or \"s3:*\".")]
    [InlineData(new[] { "s3:" }, new[] { "arn:aws:s3:::bucket" }, "the action 's3:' is not an IAM action. Write it as \"service:Action\", such as \"dynamodb:GetItem\" or \"s3:*\".")]
    [InlineData(new[] { "s3:GetObject" }, new string[0], "grants s3:GetObject on no resource. Give at least one resource ARN (or \"*\").")]
    [InlineData(new[] { "s3:GetObject" }, new[] { "" }, "has an empty resource. Give ARNs, patterns such as \"arn:aws:s3:::bucket/*\", or \"*\".")]
    public void AwsPermission_Malformed_IsRefused(string[] actions, string[] resources, string message)
    {
        var error = Assert.Throws<StelvioConfigException>(() => new AwsPermission(actions, resources.Select(r => (LinkValue)r)));

        Assert.Equal("AwsPermission: " + message, error.Message);
    }

    [Fact]
    public void AwsPermission_WithDeferredResource_WritesTheIntrinsicInItsStatement()
    {
        DynamoTable? users = null;
        StelvioApp.Declare("shop", "test", app => users = GuideTables.Users(), FixtureProject.Directory);

        var statement = new AwsPermission(["dynamodb:GetItem"], [users!.Arn, Deferred.Format($"{users.Arn}/index/*"), "*"]).ToStatement();

        Assert.Equal(
            """{"Effect":"Allow","Action":["dynamodb:GetItem"],"Resource":[{"Fn::GetAtt":["UsersTable","Arn"]},{"Fn::Sub":"${UsersTable.Arn}/index/*"},"*"]}""",
            statement.ToJsonString());
    }

    [Fact]
    public void AwsPermissions_WithTheSameActionsAndResources_AreEqual()
    {
        Assert.Equal(new AwsPermission(["s3:GetObject"], ["arn:aws:s3:::b/*"]), new AwsPermission(["s3:GetObject"], ["arn:aws:s3:::b/*"]));
        Assert.NotEqual(new AwsPermission(["s3:GetObject"], ["arn:aws:s3:::b/*"]), new AwsPermission(["s3:PutObject"], ["arn:aws:s3:::b/*"]));
    }
}
