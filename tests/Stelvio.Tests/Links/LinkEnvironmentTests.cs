using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Links;
using Stelvio.Testing;
using Stelvio.Tests.Fixtures;

namespace Stelvio.Tests.Links;

/// <summary>The naming rule of link variables (<see cref="LinkEnvironment"/>) and how links and the function's own environment meet.</summary>
public sealed class LinkEnvironmentTests
{
    [Theory]
    [InlineData("orders", "table_name", "STLV_ORDERS_TABLE_NAME")]
    [InlineData("user-profiles", "table-arn", "STLV_USER_PROFILES_TABLE_ARN")]
    [InlineData("Orders.v2", "url", "STLV_ORDERS_V2_URL")]
    [InlineData("3d-models", "table_name", "STLV_THREE_D_MODELS_TABLE_NAME")]
    [InlineData("3", "x", "STLV_THREE_X")]
    [InlineData("3_d", "x", "STLV_THREE_D_X")]
    [InlineData("7zip", "x", "STLV_SEVEN_ZIP_X")]
    [InlineData("café", "prix", "STLV_CAF__PRIX")]
    public void VariableName_FollowsTheDocumentedRule(string link, string property, string expected)
    {
        Assert.Equal(expected, LinkEnvironment.VariableName(link, property));
    }

    [Fact]
    public void LinkedTable_WithDashedName_GetsUnderscoredVariablesAndNoOtherSpelling()
    {
        var template = AppSynth.Template(app =>
        {
            var profiles = new DynamoTable("user-profiles", new() { Fields = { ["user_id"] = "string" }, PartitionKey = "user_id" });
            new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [profiles] });
        });

        var variables = Cfn.Variables(template, "WorkerFunction");
        Assert.Equal(["STLV_USER_PROFILES_TABLE_ARN", "STLV_USER_PROFILES_TABLE_NAME"], variables.Select(v => v.Key));
        Assert.False(variables.ContainsKey("STLV_USER-PROFILES_TABLE_NAME"));
        Assert.False(variables.ContainsKey("STELVIO_USER_PROFILES_TABLE_NAME"));
        Assert.False(variables.ContainsKey("STLV_USERPROFILES_TABLE_NAME"));
    }

    [Fact]
    public void LinkedTable_WhoseNameStartsWithADigit_GetsTheDigitSpeltOut()
    {
        var template = AppSynth.Template(app =>
        {
            var models = new DynamoTable("3d-models", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });
            new Function("render", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [models] });
        });

        var variables = Cfn.Variables(template, "RenderFunction");
        Assert.Equal(["STLV_THREE_D_MODELS_TABLE_ARN", "STLV_THREE_D_MODELS_TABLE_NAME"], variables.Select(v => v.Key));
    }

    [Fact]
    public void FunctionEnvironment_WinsOverALinkPropertyOfTheSameName()
    {
        var template = AppSynth.Template(app =>
        {
            var users = GuideTables.Users();
            new Function("worker", new()
            {
                Handler = "functions/Orders::OrderHandlers.ProcessChanges",
                Links = [users],
                Environment = { ["STLV_USERS_TABLE_NAME"] = "legacy-users" },
            });
        });

        template.HasResourceProperties("AWS::Lambda::Function", new
        {
            Environment = Match.Exact(new
            {
                Variables = new System.Text.Json.Nodes.JsonObject
                {
                    ["STLV_USERS_TABLE_ARN"] = Cfn.GetAtt("UsersTable", "Arn"),
                    ["STLV_USERS_TABLE_NAME"] = "legacy-users",
                },
            }),
        });
    }

    [Fact]
    public void TwoLinks_SettingTheSameVariable_AreAnError()
    {
        var error = AppSynth.Error(app =>
        {
            var users = GuideTables.Users();
            var legacy = new Link("Users", new Dictionary<string, LinkValue> { ["table-name"] = "legacy-users" });
            new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [users, legacy] });
        });

        Assert.Equal(
            "Function 'worker': Links: the links 'users' and 'Users' both set STLV_USERS_TABLE_NAME (from their properties 'table_name' and 'table-name'). " +
            "Rename one link (link.WithName(\"…\")) or remove the property from one (RemoveProperties).",
            error.Message);
    }

    [Fact]
    public void TwoLinks_SettingTheSameVariable_CanBeSeparatedByRenamingOne()
    {
        var template = AppSynth.Template(app =>
        {
            var users = GuideTables.Users();
            var legacy = new Link("users", new Dictionary<string, LinkValue> { ["table_name"] = "legacy-users" });
            new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [users, legacy.WithName("legacy")] });
        });

        var variables = Cfn.Variables(template, "WorkerFunction");
        Assert.Equal(["STLV_LEGACY_TABLE_NAME", "STLV_USERS_TABLE_ARN", "STLV_USERS_TABLE_NAME"], variables.Select(v => v.Key));
        Assert.Equal("legacy-users", variables["STLV_LEGACY_TABLE_NAME"]!.GetValue<string>());
    }

    [Fact]
    public void SameTable_LinkedTwice_IsAnError()
    {
        var error = AppSynth.Error(app =>
        {
            var users = GuideTables.Users();
            new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [users, users.ReadOnlyLink()] });
        });

        Assert.Equal("Function 'worker': Links: DynamoTable 'users' is linked twice. List each component once.", error.Message);
    }
}
