using System.Text.RegularExpressions;
using Stelvio.Aws.DynamoDB;
using Stelvio.Naming;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Core;

/// <summary>App name and stage, physical names, logical IDs and component registration.</summary>
public sealed partial class AppModelTests
{
    [Fact]
    public void PhysicalName_IsPrefixedWithAppAndStage()
    {
        DynamoTable? table = null;
        var template = Synth.Template(app => table = Table("orders"), "dev");

        Assert.Equal("shop-dev-orders", table!.PhysicalName);
        template.ResourcePropertiesMatch("OrdersTable", new { TableName = "shop-dev-orders" });
    }

    [Fact]
    public void PhysicalName_TooLong_IsTruncatedWithAHashDeterministically()
    {
        var app = new string('a', 64);
        var stage = "s" + new string('t', 63);
        var name = new string('n', 128);
        string Declare()
        {
            DynamoTable? table = null;
            var declared = StelvioApp.Declare(app, stage, _ => table = Table(name));
            var template = Stelvio.Testing.Template.FromApp(declared);
            Assert.Equal(table!.PhysicalName, template.Resource(table.LogicalId)["Properties"]!["TableName"]!.GetValue<string>());
            return table.PhysicalName;
        }

        var first = Declare();
        var second = Declare();

        Assert.Equal(first, second);
        Assert.True(first.Length <= NameRules.TableNameMax, $"{first.Length} characters");
        Assert.StartsWith($"{app}-{stage}-nnnn", first, StringComparison.Ordinal);
        Assert.Matches(HashSuffix(), first);
        Assert.Equal(first, NameRules.PhysicalName(app, stage, name, NameRules.TableNameMax));
    }

    [Fact]
    public void Shorten_NamesDifferingOnlyPastTheCut_GetDifferentHashes()
    {
        var a = NameRules.Shorten(new string('x', 100) + "-alpha", 64);
        var b = NameRules.Shorten(new string('x', 100) + "-bravo", 64);

        Assert.NotEqual(a, b);
        Assert.Equal(64, a.Length);
        Assert.Equal(a[..55], b[..55]);
        Assert.Matches(HashSuffix(), a);
    }

    [Fact]
    public void Shorten_NameThatFits_IsUnchanged() =>
        Assert.Equal("shop-dev-orders", NameRules.Shorten("shop-dev-orders", 15));

    [Theory]
    [InlineData("orders", "OrdersTable")]
    [InlineData("process-orders", "ProcessOrdersTable")]
    [InlineData("order_items", "OrderItemsTable")]
    [InlineData("v2-orders", "V2OrdersTable")]
    [InlineData("2024-orders", "N2024OrdersTable")]
    public void LogicalId_IsThePascalCaseOfTheNamePlusTheResourceKind(string name, string logicalId)
    {
        DynamoTable? table = null;
        var template = Synth.Template(app => table = Table(name));

        Assert.Equal(logicalId, table!.LogicalId);
        Assert.Single(template.FindResources("AWS::DynamoDB::Table"), r => r.Key == logicalId);
    }

    [Fact]
    public void LogicalIds_AreStableWhenOtherComponentsAreAddedBeforeThem()
    {
        var alone = Synth.Template(app => Table("orders"));
        var withOthers = Synth.Template(app =>
        {
            Table("users");
            Table("orders");
        });

        Assert.Equal(
            alone.Resource("OrdersTable").ToJsonString(),
            withOthers.Resource("OrdersTable").ToJsonString());
    }

    [Fact]
    public void DeferredValues_NameTheTablesLogicalId()
    {
        DynamoTable? table = null;
        Synth.Template(app => table = Table("process-orders"));

        Assert.Equal("""{"Ref":"ProcessOrdersTable"}""", table!.Name.ToCloudFormation().ToJsonString());
        Assert.Equal("""{"Fn::GetAtt":["ProcessOrdersTable","Arn"]}""", table.Arn.ToCloudFormation().ToJsonString());
    }

    [Fact]
    public void ComponentName_UsedTwice_ThrowsNamingBoth()
    {
        var error = Synth.Error(app =>
        {
            Table("orders");
            Table("orders");
        });

        Errors.Single(error, "DynamoTable 'orders'", "name", "the name 'orders' is already used by DynamoTable 'orders'. Component names must be unique across the app.");
    }

    [Fact]
    public void ComponentNames_GivingTheSameLogicalId_Throw()
    {
        var error = Synth.Error(app =>
        {
            Table("order-items");
            Table("order_items");
        });

        Errors.Single(error, "DynamoTable 'order_items'", "name", "the name 'order_items' gives the same CloudFormation logical ID prefix 'OrderItems' as DynamoTable 'order-items'. Rename one of them.");
    }

    [Fact]
    public void LogicalIdClash_BetweenResourcesOfDifferentComponents_ThrowsAtSynth()
    {
        var error = Synth.Error(app =>
        {
            Table("orders");
            _ = new RawResourceComponent("orders-table", "OrdersTable");
        });

        Errors.Single(error, "Test 'orders-table'", null, "declares the CloudFormation logical ID 'OrdersTable', which DynamoTable 'orders' already uses. Rename one of the two components.");
    }

    [Fact]
    public void OutputClash_BetweenComponents_ThrowsAtSynth()
    {
        var error = Synth.Error(app =>
        {
            _ = new RawResourceComponent("one", "OneThing", output: "SharedOutput");
            _ = new RawResourceComponent("other", "OtherThing", output: "SharedOutput");
        });

        Errors.Single(error, "Stack", "Outputs.SharedOutput", "the output logical ID 'SharedOutput' is declared twice (test output; test output). Rename one of the components.");
    }

    [Fact]
    public void Component_CreatedOutsideAnApp_ThrowsWithTheFix()
    {
        var error = Assert.Throws<StelvioConfigException>(() => Table("orders"));

        Errors.Single(error, "DynamoTable 'orders'", null, "was created outside an app. Declare components inside the app's declaration: StelvioApp.RunAsync(args, \"my-app\", app => { /* here */ }) or StelvioApp.Declare(\"my-app\", \"stage\", app => { /* here */ }).");
    }

    [Fact]
    public void Component_CreatedAfterTheDeclarationEnded_ThrowsAsOutsideAnApp()
    {
        var app = StelvioApp.Declare(Synth.App, Synth.Stage, _ => { });

        Assert.Null(StelvioApp.Current);
        Assert.Throws<StelvioConfigException>(() => Table("late"));
        Assert.Empty(app.Components);
    }

    [Theory]
    [InlineData("", "the name is empty. Give every component a short name such as \"orders\".")]
    [InlineData("my orders", "the name 'my orders' may hold only letters, digits, '-' and '_', and must start with a letter or digit (it becomes part of AWS resource names).")]
    [InlineData("-orders", "the name '-orders' may hold only letters, digits, '-' and '_', and must start with a letter or digit (it becomes part of AWS resource names).")]
    [InlineData("orders\n", "the name 'orders\n' may hold only letters, digits, '-' and '_', and must start with a letter or digit (it becomes part of AWS resource names).")]
    public void ComponentName_Bad_Throws(string name, string message)
    {
        var error = Synth.Error(app => Table(name));

        Errors.Single(error, $"DynamoTable '{name}'", "name", message);
    }

    [Fact]
    public void ComponentName_LongerThan128_Throws()
    {
        var name = new string('n', 129);
        var error = Synth.Error(app => Table(name));

        Errors.Single(error, $"DynamoTable '{name}'", "name", "the name has 129 characters; at most 128 are allowed.");
    }

    [Theory]
    [InlineData("my_app", "dev", "name", "the app name 'my_app' may hold only letters, digits and '-', and must start with a letter (it becomes part of the CloudFormation stack name).")]
    [InlineData("1shop", "dev", "name", "the app name '1shop' may hold only letters, digits and '-', and must start with a letter (it becomes part of the CloudFormation stack name).")]
    [InlineData("shop", "", "stage", "the stage is empty. Pass another with --stage.")]
    [InlineData("shop", "dev\n", "stage", "the stage 'dev\n' may hold only letters, digits and '-', and must start with a letter (it becomes part of the CloudFormation stack name). Pass another with --stage.")]
    [InlineData("shop", "my.stage", "stage", "the stage 'my.stage' may hold only letters, digits and '-', and must start with a letter (it becomes part of the CloudFormation stack name). Pass another with --stage.")]
    public void AppNameOrStage_Bad_Throws(string name, string stage, string property, string message)
    {
        var error = Assert.Throws<StelvioConfigException>(() => StelvioApp.Declare(name, stage, _ => { }));

        Errors.Single(error, "App", property, message);
    }

    [Theory]
    [InlineData("ana", "ana")]
    [InlineData("Ana.Maria", "ana-maria")]
    [InlineData("1st", "dev-1st")]
    [InlineData("", "dev")]
    public void DefaultStage_IsMadeFromTheUserName(string userName, string stage) =>
        Assert.Equal(stage, NameRules.DefaultStage(userName));

    [Fact]
    public void App_StackNameAndComponents_ReflectTheDeclaration()
    {
        var app = StelvioApp.Declare("shop", "dev", _ =>
        {
            Table("orders");
            Table("users");
        });

        Assert.Equal("shop-dev", app.StackName);
        Assert.Equal(["orders", "users"], app.Components.Select(c => c.ComponentName));
        Assert.Equal("DynamoTable 'orders'", app.Components[0].ToString());
    }

    private static DynamoTable Table(string name) => new(name, new() { Fields = { ["id"] = "string" }, PartitionKey = "id" });

    [GeneratedRegex("-[0-9a-f]{8}$")]
    private static partial Regex HashSuffix();

    /// <summary>A component that adds one bare resource with a chosen logical ID, to provoke clashes.</summary>
    private sealed class RawResourceComponent(string name, string logicalId, string? output = null) : Component("Test", name)
    {
        internal override void Synthesize(SynthContext context)
        {
            context.Add(this, logicalId, "AWS::SQS::Queue", []);
            if (output is not null)
            {
                context.Template.AddOutput(output, "x", "test output");
            }
        }
    }
}
