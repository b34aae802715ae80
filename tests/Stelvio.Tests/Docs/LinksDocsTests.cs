using System.Text.Json.Nodes;
using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Links;
using Stelvio.Testing;
using Stelvio.Tests.Fixtures;

namespace Stelvio.Tests.Docs;

/// <summary>The snippets of docs/dynamodb.md on linking tables, functions and custom links, each on its synthesized template.</summary>
public sealed class LinksDocsTests
{
    private static readonly string[] ReadWrite =
    [
        "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:Scan",
        "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable",
    ];

    private static readonly string[] ReadOnly =
        ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable"];

    private static readonly string[] IndexActions = ["dynamodb:Query", "dynamodb:Scan"];

    /// <summary>The variable names the doc lists as examples of the naming rule.</summary>
    internal static readonly (string Link, string Property)[] VariableExamples =
    [
        ("users", "table_name"),
        ("user-profiles", "table_arn"),
        ("orders.v2", "stream_arn"),
        ("3d-models", "table_name"),
    ];

    [Fact]
    public void LinkedTable_GrantsTableAndIndexAccessAndPassesNameAndArn()
    {
        var template = LinkTable();

        template.ResourcePropertiesMatch("ProcessUserPolicy", new
        {
            Roles = Match.Exact(new[] { Cfn.Ref("ProcessUserRole") }),
            PolicyDocument = new
            {
                Version = "2012-10-17",
                Statement = Match.Exact(new[]
                {
                    Cfn.Statement(ReadWrite, Cfn.GetAtt("UsersTable", "Arn")),
                    Cfn.Statement(IndexActions, Cfn.Sub("${UsersTable.Arn}/index/*")),
                }),
            },
        });
        template.ResourcePropertiesMatch("ProcessUserFunction", new
        {
            FunctionName = "shop-test-process-user",
            Handler = "UserHandlers.Handle",
            Environment = Match.Exact(new
            {
                Variables = new JsonObject
                {
                    ["STLV_USERS_TABLE_ARN"] = Cfn.GetAtt("UsersTable", "Arn"),
                    ["STLV_USERS_TABLE_NAME"] = Cfn.Ref("UsersTable"),
                },
            }),
        });
        template.HasResource("AWS::Lambda::Function", new { DependsOn = Match.Exact(new[] { "ProcessUserPolicy" }) });
        Assert.Empty(template.Warnings);
    }

    [Fact]
    public void LinkedTable_GivesItsFunctionsFolderATypedAccessFile()
    {
        var file = TypedAccessFile();

        Assert.Contains("internal static class Users", file, StringComparison.Ordinal);
        Assert.Contains("internal static string TableName => Read(\"STLV_USERS_TABLE_NAME\");", file, StringComparison.Ordinal);
        Assert.Contains("internal static string TableArn => Read(\"STLV_USERS_TABLE_ARN\");", file, StringComparison.Ordinal);
    }

    [Fact]
    public void VariableNames_FollowTheRule()
    {
        Assert.Equal(
            ["STLV_USERS_TABLE_NAME", "STLV_USER_PROFILES_TABLE_ARN", "STLV_ORDERS_V2_STREAM_ARN", "STLV_THREE_D_MODELS_TABLE_NAME"],
            VariableExamples.Select(e => LinkEnvironment.VariableName(e.Link, e.Property)));
    }

    [Fact]
    public void FunctionEnvironment_TakesPlainAndDeferredValues_AndWinsOverALinkVariable()
    {
        var template = AppSynth.Template(app =>
        {
            var users = Users();

            // snippet: link-environment
            new Function("report", new()
            {
                Handler = "functions/Orders::OrderHandlers.ProcessChanges",
                Links = [users],
                Environment =
                {
                    ["LOG_LEVEL"] = "debug",                        // plain
                    ["USERS_TABLE_ARN"] = users.Arn,                // deferred
                    ["STLV_USERS_TABLE_NAME"] = "users-archive",    // wins over the link's variable
                },
            });
            // end snippet
        });

        template.ResourcePropertiesMatch("ReportFunction", new
        {
            Environment = Match.Exact(new
            {
                Variables = new JsonObject
                {
                    ["LOG_LEVEL"] = "debug",
                    ["STLV_USERS_TABLE_ARN"] = Cfn.GetAtt("UsersTable", "Arn"),
                    ["STLV_USERS_TABLE_NAME"] = "users-archive",
                    ["USERS_TABLE_ARN"] = Cfn.GetAtt("UsersTable", "Arn"),
                },
            }),
        });
    }

    [Fact]
    public void TwoLinksSettingOneVariable_AreRefused()
    {
        Assert.Equal(
            "Function 'sync': Links: the links 'user-profiles' and 'user_profiles' both set STLV_USER_PROFILES_TABLE_NAME (from their properties 'table_name' and 'table_name'). " +
            "Rename one link (link.WithName(\"…\")) or remove the property from one (RemoveProperties).",
            VariableClashError());
    }

    [Fact]
    public void ReadOnlyLink_GrantsReadsOnly()
    {
        var template = ReadOnlyLink();

        template.ResourcePropertiesMatch("ReportPolicy", new
        {
            PolicyDocument = new
            {
                Statement = Match.Exact(new[]
                {
                    Cfn.Statement(ReadOnly, Cfn.GetAtt("UsersTable", "Arn")),
                    Cfn.Statement(IndexActions, Cfn.Sub("${UsersTable.Arn}/index/*")),
                }),
            },
        });
        Assert.Equal(["STLV_USERS_TABLE_ARN", "STLV_USERS_TABLE_NAME"], Cfn.Variables(template, "ReportFunction").Select(v => v.Key));
    }

    [Fact]
    public void LinkedFunction_GrantsInvokeAndPassesNameAndArn()
    {
        var template = AppSynth.Template(app =>
        {
            // snippet: link-function
            var worker = new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges" });
            var dispatcher = new Function("dispatcher", new()
            {
                Handler = "functions/Orders::UserHandlers.Handle",
                Links = [worker], // lambda:InvokeFunction on worker; STLV_WORKER_FUNCTION_NAME and _ARN
            });
            // end snippet
        });

        Assert.True(JsonNode.DeepEquals(
            Cfn.Statement(["lambda:InvokeFunction"], Cfn.GetAtt("WorkerFunction", "Arn")),
            Assert.Single(Cfn.Statements(template, "DispatcherPolicy"))));
        template.ResourcePropertiesMatch("DispatcherFunction", new
        {
            Environment = Match.Exact(new
            {
                Variables = new JsonObject
                {
                    ["STLV_WORKER_FUNCTION_ARN"] = Cfn.GetAtt("WorkerFunction", "Arn"),
                    ["STLV_WORKER_FUNCTION_NAME"] = Cfn.Ref("WorkerFunction"),
                },
            }),
        });
        template.ResourcePropertiesMatch("WorkerFunction", new { Environment = Match.Absent() });
        Assert.False(template.Resources.ContainsKey("WorkerPolicy"));
    }

    [Fact]
    public void CustomAndNarrowedLinks_GiveTheirStatementsAndVariablesInOrder()
    {
        var template = CustomLinks();

        template.ResourcePropertiesMatch("CheckoutPolicy", new
        {
            PolicyDocument = new
            {
                Statement = Match.Exact(new[]
                {
                    Cfn.Statement(["execute-api:Invoke"], Cfn.Text("arn:aws:execute-api:eu-west-1:123456789012:abc123/*")),
                    Cfn.Statement(["dynamodb:GetItem"], Cfn.GetAtt("UsersTable", "Arn")),
                }),
            },
        });
        template.ResourcePropertiesMatch("CheckoutFunction", new
        {
            Environment = Match.Exact(new
            {
                Variables = new JsonObject
                {
                    ["STLV_PAYMENTS_URL"] = "https://payments.example.com",
                    ["STLV_USERS_TABLE_NAME"] = Cfn.Ref("UsersTable"),
                },
            }),
        });
    }

    [Fact]
    public void AppOverride_MakesEveryLinkedTableReadOnly()
    {
        var template = AppSynth.Template(app =>
        {
            // snippet: link-override
            // Every table linked in this app is read-only and passes only its name.
            app.OverrideLink<DynamoTable>(table => table.ReadOnlyLink().RemoveProperties("table_arn"));
            // end snippet

            var users = Users();
            new Function("report", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [users] });
        });

        Assert.Equal(ReadOnly, Cfn.Statements(template, "ReportPolicy")[0]!["Action"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["STLV_USERS_TABLE_NAME"], Cfn.Variables(template, "ReportFunction").Select(v => v.Key));
    }

    [Fact]
    public void AppOverride_SeesTheComponentsPhysicalNameAndArn()
    {
        var template = AppSynth.Template(app =>
        {
            // snippet: link-override-custom
            app.OverrideLink<DynamoTable>(table => Link.For(
                table,
                [new("physical_name", table.PhysicalName)],
                [new AwsPermission([DynamoActions.GetItem, DynamoActions.Query], [table.Arn])]));
            // end snippet

            var users = Users();
            new Function("report", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [users] });
        });

        Assert.True(JsonNode.DeepEquals(
            Cfn.Statement(["dynamodb:GetItem", "dynamodb:Query"], Cfn.GetAtt("UsersTable", "Arn")),
            Assert.Single(Cfn.Statements(template, "ReportPolicy"))));
        template.ResourcePropertiesMatch("ReportFunction", new { Environment = Match.Exact(new { Variables = new { STLV_USERS_PHYSICAL_NAME = "shop-test-users" } }) });
    }

    internal static Template LinkTable() => AppSynth.Template(app =>
    {
        // snippet: link-table
        // Create table
        var users = new DynamoTable("users", new()
        {
            Fields = { ["user_id"] = "string" },
            PartitionKey = "user_id",
        });

        // Create function with automatic table access
        var processUser = new Function("process-user", new()
        {
            Handler = "functions/Orders::UserHandlers.Handle",
            Links = [users], // table and index permissions; the table's name and ARN
        });
        // end snippet
    });

    /// <summary>The typed access file synth writes for the folder of <see cref="LinkTable"/>'s function.</summary>
    internal static string TypedAccessFile() =>
        LinkTable().Result!.GeneratedFiles[FixtureProject.Combine("functions", "Orders", "StelvioResources.process-user.g.cs")];

    internal static string VariableClashError() => AppSynth.Error(app =>
    {
        // snippet: link-variable-clash
        var profiles = new DynamoTable("user-profiles", new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });
        var legacy = new Link("user_profiles", new Dictionary<string, LinkValue> { ["table_name"] = "legacy-profiles" });
        new Function("sync", new()
        {
            Handler = "functions/Orders::OrderHandlers.ProcessChanges",
            Links = [profiles, legacy], // both give STLV_USER_PROFILES_TABLE_NAME
        });
        // end snippet
    }).Message;

    internal static Template ReadOnlyLink() => AppSynth.Template(app =>
    {
        var users = Users();

        // snippet: link-read-only
        new Function("report", new()
        {
            Handler = "functions/Orders::OrderHandlers.ProcessChanges",
            Links = [users.ReadOnlyLink()],
        });
        // end snippet
    });

    internal static Template CustomLinks() => AppSynth.Template(app =>
    {
        var users = Users();

        // snippet: link-custom
        // A custom link: any name, settings and permissions.
        var payments = new Link(
            "payments",
            new Dictionary<string, LinkValue> { ["url"] = "https://payments.example.com" },
            [new AwsPermission(["execute-api:Invoke"], ["arn:aws:execute-api:eu-west-1:123456789012:abc123/*"])]);

        // A table's link, narrowed: GetItem only, and only the table's name.
        var readUser = users.Link()
            .WithPermissions(new AwsPermission([DynamoActions.GetItem], [users.Arn]))
            .RemoveProperties("table_arn");

        new Function("checkout", new()
        {
            Handler = "functions/Orders::OrderHandlers.ProcessChanges",
            Links = [payments, readUser],
        });
        // end snippet
    });

    private static DynamoTable Users() => new("users", new() { Fields = { ["user_id"] = "string" }, PartitionKey = "user_id" });
}
