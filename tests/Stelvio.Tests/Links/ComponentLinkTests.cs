using System.Text.Json.Nodes;
using Stelvio.Aws.DynamoDB;
using Stelvio.Aws.Lambda;
using Stelvio.Links;
using Stelvio.Testing;
using Stelvio.Tests.Fixtures;

namespace Stelvio.Tests.Links;

/// <summary>The links of tables and functions, and the app's override of a component type's default link.</summary>
public sealed class ComponentLinkTests
{
    private static readonly string[] ReadWrite =
    [
        "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:Scan",
        "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable",
    ];

    private static readonly string[] ReadOnly =
        ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable"];

    [Fact]
    public void TableLink_CoversTheGuidesActionsAndWhatTheDotnetSdkCalls()
    {
        // The guide's six table actions are all there, plus the SDK's batch, transaction and DescribeTable calls.
        string[] guide = ["dynamodb:Scan", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"];
        Assert.Empty(guide.Except(DynamoActions.ReadWrite));
        Assert.Equal(ReadWrite, DynamoActions.ReadWrite);
        Assert.Equal(["dynamodb:Query", "dynamodb:Scan"], DynamoActions.Index);
        Assert.DoesNotContain(DynamoActions.ReadOnly, a => a is "dynamodb:PutItem" or "dynamodb:UpdateItem" or "dynamodb:DeleteItem" or "dynamodb:BatchWriteItem");
    }

    [Fact]
    public void TwoLinkedTables_GiveTheirStatementsInLinkOrder()
    {
        var template = AppSynth.Template(app =>
        {
            var users = GuideTables.Users();
            var orders = GuideTables.OrdersWithoutStream();
            new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [orders, users] });
        });

        template.ResourcePropertiesMatch("WorkerPolicy", new
        {
            PolicyDocument = new
            {
                Statement = Match.Exact(new[]
                {
                    Cfn.Statement(ReadWrite, Cfn.GetAtt("OrdersTable", "Arn")),
                    Cfn.Statement(["dynamodb:Query", "dynamodb:Scan"], Cfn.Sub("${OrdersTable.Arn}/index/*")),
                    Cfn.Statement(ReadWrite, Cfn.GetAtt("UsersTable", "Arn")),
                    Cfn.Statement(["dynamodb:Query", "dynamodb:Scan"], Cfn.Sub("${UsersTable.Arn}/index/*")),
                }),
            },
        });
    }

    [Fact]
    public void TableWithStream_LinkAlsoPassesTheStreamArn()
    {
        var template = AppSynth.Template(app =>
        {
            var orders = GuideTables.OrdersWithStream();
            new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [orders] });
        });

        Assert.Equal(
            ["STLV_ORDERS_STREAM_ARN", "STLV_ORDERS_TABLE_ARN", "STLV_ORDERS_TABLE_NAME"],
            Cfn.Variables(template, "WorkerFunction").Select(v => v.Key));
        Assert.True(JsonNode.DeepEquals(Cfn.GetAtt("OrdersTable", "StreamArn"), Cfn.Variables(template, "WorkerFunction")["STLV_ORDERS_STREAM_ARN"]));
    }

    [Fact]
    public void ReadOnlyLink_GrantsReadsOnTableAndIndexesWithTheSameVariables()
    {
        var template = AppSynth.Template(app =>
        {
            var users = GuideTables.Users();
            new Function("reader", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [users.ReadOnlyLink()] });
        });

        var statements = Cfn.Statements(template, "ReaderPolicy");
        Assert.True(JsonNode.DeepEquals(Cfn.Statement(ReadOnly, Cfn.GetAtt("UsersTable", "Arn")), statements[0]));
        Assert.True(JsonNode.DeepEquals(Cfn.Statement(["dynamodb:Query", "dynamodb:Scan"], Cfn.Sub("${UsersTable.Arn}/index/*")), statements[1]));
        Assert.Equal(2, statements.Count);
        Assert.Equal(["STLV_USERS_TABLE_ARN", "STLV_USERS_TABLE_NAME"], Cfn.Variables(template, "ReaderFunction").Select(v => v.Key));
    }

    [Fact]
    public void CustomisedTableLink_KeepsOnlyWhatIsLeft()
    {
        var template = AppSynth.Template(app =>
        {
            var users = GuideTables.Users();
            var narrow = users.Link()
                .WithPermissions(new AwsPermission([DynamoActions.GetItem], [users.Arn]))
                .RemoveProperties("table_arn")
                .AddProperties(new Dictionary<string, LinkValue> { ["region_hint"] = "eu-west-1" });
            new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [narrow] });
        });

        Assert.True(JsonNode.DeepEquals(Cfn.Statement(["dynamodb:GetItem"], Cfn.GetAtt("UsersTable", "Arn")), Assert.Single(Cfn.Statements(template, "WorkerPolicy"))));
        Assert.Equal(["STLV_USERS_REGION_HINT", "STLV_USERS_TABLE_NAME"], Cfn.Variables(template, "WorkerFunction").Select(v => v.Key));
    }

    [Fact]
    public void FunctionLink_GrantsInvokeAndPassesNameAndArn()
    {
        var template = AppSynth.Template(app =>
        {
            var worker = new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges" });
            new Function("dispatcher", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [worker] });
        });

        Assert.True(JsonNode.DeepEquals(Cfn.Statement(["lambda:InvokeFunction"], Cfn.GetAtt("WorkerFunction", "Arn")), Assert.Single(Cfn.Statements(template, "DispatcherPolicy"))));
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
    }

    [Fact]
    public void AppOverride_ReplacesTheDefaultLinkOfEveryTableAndSeesTheComponent()
    {
        var template = AppSynth.Template(app =>
        {
            app.OverrideLink<DynamoTable>(table => Link.For(
                table,
                [new("physical_name", table.PhysicalName)],
                [new AwsPermission([DynamoActions.GetItem], [table.Arn])]));
            var users = GuideTables.Users();
            var orders = GuideTables.OrdersWithoutStream();
            new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [users, orders] });
        });

        var statements = Cfn.Statements(template, "WorkerPolicy");
        Assert.True(JsonNode.DeepEquals(Cfn.Statement(["dynamodb:GetItem"], Cfn.GetAtt("UsersTable", "Arn")), statements[0]));
        Assert.True(JsonNode.DeepEquals(Cfn.Statement(["dynamodb:GetItem"], Cfn.GetAtt("OrdersTable", "Arn")), statements[1]));
        Assert.Equal(2, statements.Count);
        template.ResourcePropertiesMatch("WorkerFunction", new
        {
            Environment = Match.Exact(new
            {
                Variables = new { STLV_ORDERS_PHYSICAL_NAME = "shop-test-orders", STLV_USERS_PHYSICAL_NAME = "shop-test-users" },
            }),
        });
    }

    [Fact]
    public void AppOverride_CanStartFromTheDefaultLink()
    {
        var template = AppSynth.Template(app =>
        {
            app.OverrideLink<DynamoTable>(table => table.ReadOnlyLink().RemoveProperties("table_arn"));
            var users = GuideTables.Users();
            new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [users] });
        });

        Assert.Equal(ReadOnly, Cfn.Statements(template, "WorkerPolicy")[0]!["Action"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["STLV_USERS_TABLE_NAME"], Cfn.Variables(template, "WorkerFunction").Select(v => v.Key));
    }

    [Fact]
    public void AppOverride_ForFunctions_AppliesToLinkedFunctionsOnly()
    {
        var template = AppSynth.Template(app =>
        {
            app.OverrideLink<Function>(function => function.DefaultLink().RemoveProperties("function_arn"));
            var users = GuideTables.Users();
            var worker = new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges" });
            new Function("dispatcher", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [worker, users] });
        });

        Assert.Equal(
            ["STLV_USERS_TABLE_ARN", "STLV_USERS_TABLE_NAME", "STLV_WORKER_FUNCTION_NAME"],
            Cfn.Variables(template, "DispatcherFunction").Select(v => v.Key));
    }

    [Fact]
    public void AppOverride_CallingLinkOnTheComponent_IsAnErrorPointingToDefaultLink()
    {
        var error = AppSynth.Error(app =>
        {
            app.OverrideLink<DynamoTable>(table => table.Link().RemoveProperties("table_arn"));
            var users = GuideTables.Users();
            new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [users] });
        });

        Assert.Equal(
            "DynamoTable 'users': OverrideLink: the app's link override for DynamoTable calls Link() on the component it is overriding, which would call the override again. Start from DefaultLink() instead.",
            error.Message);
    }

    [Fact]
    public void AppOverride_ReturningNull_IsAnError()
    {
        var error = AppSynth.Error(app =>
        {
            app.OverrideLink<DynamoTable>(_ => null!);
            var users = GuideTables.Users();
            new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [users] });
        });

        Assert.Equal("DynamoTable 'users': OverrideLink: the app's link override for DynamoTable returned null. Return a Link, for example component.DefaultLink().", error.Message);
    }

    [Fact]
    public void AppOverride_ReturningACustomLink_KeepsItsNameAndIsTiedToTheComponent()
    {
        DynamoTable? users = null;
        StelvioApp.Declare("shop", "test", app =>
        {
            app.OverrideLink<DynamoTable>(table => new Link("people", [new("name", table.Name)]));
            users = GuideTables.Users();
        }, FixtureProject.Directory);

        var link = users!.Link();

        Assert.Equal("people", link.Name);
        Assert.Same(users, link.Component);
        Assert.Equal("users", users.DefaultLink().Name);
    }

    [Fact]
    public void Function_LinkingItself_IsAnError()
    {
        var error = AppSynth.Error(app =>
        {
            // A function's links are fixed when it is declared; only a linkable that makes its link later can point back at it.
            Function? worker = null;
            worker = new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [new Later(() => worker!)] });
        });

        Assert.Equal("Function 'worker': Links: the function links itself; its settings would refer to its own ARN, which CloudFormation cannot create. Remove it from Links.", error.Message);
    }

    [Fact]
    public void Functions_LinkingEachOtherInACycle_AreOneError()
    {
        var error = AppSynth.Error(app =>
        {
            Function? c = null;
            var a = new Function("a", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [new Later(() => c!)] });
            var b = new Function("b", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [a] });
            c = new Function("c", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [b.Link()] });
        });

        Assert.Equal(
            "Function 'a': Links: the functions link each other in a cycle (a → c → b → a); each would need the other's ARN before it exists, so CloudFormation cannot create them. " +
            "Break the cycle, for example by passing a name through Environment.",
            error.Message);
    }

    [Fact]
    public void Link_ToAComponentOfAnotherApp_IsAnError()
    {
        DynamoTable? foreign = null;
        StelvioApp.Declare("billing", "test", app => foreign = GuideTables.Users(), FixtureProject.Directory);

        var error = AppSynth.Error(app => new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [foreign!] }));

        Assert.Equal("Function 'worker': Links: 'users' is DynamoTable 'users' of another app ('billing'). Link only components of the same app.", error.Message);
    }

    [Fact]
    public void Links_HoldingNull_IsAnError()
    {
        var error = AppSynth.Error(app => new Function("worker", new() { Handler = "functions/Orders::OrderHandlers.ProcessChanges", Links = [null!] }));

        Assert.Equal("Function 'worker': Links: holds null. List tables, functions or Link objects.", error.Message);
    }

    /// <summary>A linkable that makes its link only when asked, at synth: the one way a function can link a component declared after it.</summary>
    private sealed class Later(Func<ILinkable> target) : ILinkable
    {
        public Link Link() => target().Link();
    }
}
