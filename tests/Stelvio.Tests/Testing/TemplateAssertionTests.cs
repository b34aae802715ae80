using System.Text.Json.Nodes;
using Stelvio.Testing;

namespace Stelvio.Tests.Testing;

/// <summary>The public template helper: partial matching, <see cref="Match"/>ers, and failures that list every mismatch with its JSON path.</summary>
public sealed class TemplateAssertionTests
{
    private const string Json = """
        {
          "Resources": {
            "OrdersTable": {
              "Type": "AWS::DynamoDB::Table",
              "DeletionPolicy": "Retain",
              "Properties": {
                "TableName": "shop-test-orders",
                "BillingMode": "PAY_PER_REQUEST",
                "KeySchema": [
                  { "AttributeName": "customer_id", "KeyType": "HASH" },
                  { "AttributeName": "order_date", "KeyType": "RANGE" }
                ],
                "StreamSpecification": { "StreamViewType": "NEW_IMAGE" },
                "Tags": [ { "Key": "a", "Value": "1" }, { "Key": "b", "Value": "2" }, { "Key": "c", "Value": "3" } ]
              }
            },
            "UsersTable": {
              "Type": "AWS::DynamoDB::Table",
              "Properties": { "TableName": "shop-test-users", "ReadCapacity": 5 }
            },
            "Queue": { "Type": "AWS::SQS::Queue", "Properties": {} }
          },
          "Outputs": {
            "OrdersTableArn": { "Value": { "Fn::GetAtt": [ "OrdersTable", "Arn" ] } }
          }
        }
        """;

    private readonly Template template = Template.FromJson(Json);

    [Fact]
    public void HasResourceProperties_PartialObject_Matches() =>
        template.HasResourceProperties("AWS::DynamoDB::Table", new { TableName = "shop-test-orders", StreamSpecification = new { StreamViewType = "NEW_IMAGE" } });

    [Fact]
    public void HasResourceProperties_MatchesAnyResourceOfTheType() =>
        template.HasResourceProperties("AWS::DynamoDB::Table", new { ReadCapacity = 5 });

    [Fact]
    public void HasResourceProperties_AcceptsDictionariesAndJsonNodes()
    {
        template.HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object> { ["TableName"] = "shop-test-orders" });
        template.HasResourceProperties("AWS::DynamoDB::Table", JsonNode.Parse("""{"BillingMode":"PAY_PER_REQUEST"}""")!);
    }

    [Fact]
    public void HasResourceProperties_Mismatch_ListsEveryMismatchWithItsPathForEachCandidate()
    {
        var error = Assert.Throws<TemplateAssertionException>(() => template.HasResourceProperties("AWS::DynamoDB::Table", new
        {
            TableName = "shop-test-carts",
            BillingMode = "PROVISIONED",
            KeySchema = new object[] { new { AttributeName = "customer_id", KeyType = "RANGE" }, new { AttributeName = "order_date" } },
        }));

        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "No AWS::DynamoDB::Table matches. Closest mismatches:",
                "OrdersTable:",
                "  OrdersTable.Properties.TableName: expected \"shop-test-carts\", found \"shop-test-orders\"",
                "  OrdersTable.Properties.BillingMode: expected \"PROVISIONED\", found \"PAY_PER_REQUEST\"",
                "  OrdersTable.Properties.KeySchema[0].KeyType: expected \"RANGE\", found \"HASH\"",
                "UsersTable:",
                "  UsersTable.Properties.TableName: expected \"shop-test-carts\", found \"shop-test-users\"",
                "  UsersTable.Properties.BillingMode: missing, expected \"PROVISIONED\"",
                "  UsersTable.Properties.KeySchema: missing, expected [{\"AttributeName\":\"customer_id\",\"KeyType\":\"RANGE\"},{\"AttributeName\":\"order_date\"}]"),
            error.Message);
    }

    [Fact]
    public void HasResourceProperties_NoResourceOfTheType_SaysWhichTypesThereAre()
    {
        var error = Assert.Throws<TemplateAssertionException>(() => template.HasResourceProperties("AWS::Lambda::Function", new { }));

        Assert.Equal("No resource of type AWS::Lambda::Function. Types present: AWS::DynamoDB::Table, AWS::SQS::Queue", error.Message);
    }

    [Fact]
    public void Arrays_MustHaveTheSameLengthUnlessArrayWith()
    {
        var error = Assert.Throws<TemplateAssertionException>(() => template.ResourcePropertiesMatch("OrdersTable", new { Tags = new[] { new { Key = "a" } } }));

        Assert.Equal(
            "OrdersTable.Properties.Tags: expected 1 elements, found 3: [{\"Key\":\"a\",\"Value\":\"1\"},{\"Key\":\"b\",\"Value\":\"2\"},{\"Key\":\"c\",\"Value\":\"3\"}]",
            error.Message);
        template.ResourcePropertiesMatch("OrdersTable", new { Tags = Match.ArrayWith(new { Key = "a" }, new { Key = "c", Value = "3" }) });
    }

    [Fact]
    public void ArrayWith_ElementsOutOfOrderOrMissing_Fails()
    {
        var outOfOrder = Assert.Throws<TemplateAssertionException>(() =>
            template.ResourcePropertiesMatch("OrdersTable", new { Tags = Match.ArrayWith(new { Key = "c" }, new { Key = "a" }) }));
        var notAnArray = Assert.Throws<TemplateAssertionException>(() =>
            template.ResourcePropertiesMatch("OrdersTable", new { TableName = Match.ArrayWith("x") }));

        Assert.Equal(
            "OrdersTable.Properties.Tags: no element (in order) matches {\"Key\":\"a\"}; array is [{\"Key\":\"a\",\"Value\":\"1\"},{\"Key\":\"b\",\"Value\":\"2\"},{\"Key\":\"c\",\"Value\":\"3\"}]",
            outOfOrder.Message);
        Assert.Equal("OrdersTable.Properties.TableName: expected an array, found \"shop-test-orders\"", notAnArray.Message);
    }

    [Fact]
    public void Exact_RefusesExtraProperties()
    {
        template.ResourcePropertiesMatch("OrdersTable", new { StreamSpecification = Match.Exact(new { StreamViewType = "NEW_IMAGE" }) });

        var error = Assert.Throws<TemplateAssertionException>(() =>
            template.ResourcePropertiesMatch("UsersTable", Match.Exact(new { TableName = "shop-test-users" })));

        Assert.Equal("UsersTable.Properties.ReadCapacity: not expected, found 5", error.Message);
    }

    [Fact]
    public void Absent_FailsWhenThePropertyIsThere()
    {
        template.ResourcePropertiesMatch("UsersTable", new { StreamSpecification = Match.Absent() });

        var error = Assert.Throws<TemplateAssertionException>(() =>
            template.ResourcePropertiesMatch("OrdersTable", new { StreamSpecification = Match.Absent() }));

        Assert.Equal("OrdersTable.Properties.StreamSpecification: expected to be absent, found {\"StreamViewType\":\"NEW_IMAGE\"}", error.Message);
    }

    [Fact]
    public void AnyValueAndStringLike_CheckPresenceAndPattern()
    {
        template.ResourcePropertiesMatch("OrdersTable", new { BillingMode = Match.AnyValue(), TableName = Match.StringLike("^shop-.*-orders$") });

        var error = Assert.Throws<TemplateAssertionException>(() =>
            template.ResourcePropertiesMatch("UsersTable", new { BillingMode = Match.AnyValue(), TableName = Match.StringLike("orders$"), ReadCapacity = Match.StringLike("5") }));

        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "UsersTable.Properties.BillingMode: expected a value, found none",
                "UsersTable.Properties.TableName: expected a string like /orders$/, found \"shop-test-users\"",
                "UsersTable.Properties.ReadCapacity: expected a string like /5/, found 5"),
            error.Message);
    }

    [Fact]
    public void TypeMismatches_AreReportedWithTheirPaths()
    {
        var error = Assert.Throws<TemplateAssertionException>(() =>
            template.ResourcePropertiesMatch("OrdersTable", new { TableName = new { Name = "x" }, KeySchema = new { }, BillingMode = 1, StreamSpecification = (object?)null }));

        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "OrdersTable.Properties.TableName: expected an object, found \"shop-test-orders\"",
                "OrdersTable.Properties.KeySchema: expected an object, found [{\"AttributeName\":\"customer_id\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"order_date\",\"KeyType\":\"RANGE\"}]",
                "OrdersTable.Properties.BillingMode: expected 1, found \"PAY_PER_REQUEST\"",
                "OrdersTable.Properties.StreamSpecification: expected null, found {\"StreamViewType\":\"NEW_IMAGE\"}"),
            error.Message);
    }

    [Fact]
    public void HasResource_ChecksPoliciesBesideProperties()
    {
        template.HasResource("AWS::DynamoDB::Table", new { DeletionPolicy = "Retain", Properties = new { TableName = "shop-test-orders" } });

        var error = Assert.Throws<TemplateAssertionException>(() =>
            template.HasResource("AWS::SQS::Queue", new { DeletionPolicy = "Retain" }));

        Assert.Equal(
            string.Join(Environment.NewLine, "No AWS::SQS::Queue matches. Closest mismatches:", "Queue:", "  Queue.DeletionPolicy: missing, expected \"Retain\""),
            error.Message);
    }

    [Fact]
    public void ResourceCountIs_ComparesTheCountOfTheType()
    {
        template.ResourceCountIs("AWS::DynamoDB::Table", 2);
        template.ResourceCountIs("AWS::Lambda::Function", 0);

        var error = Assert.Throws<TemplateAssertionException>(() => template.ResourceCountIs("AWS::DynamoDB::Table", 1));

        Assert.Equal("Expected 1 AWS::DynamoDB::Table, found 2: OrdersTable, UsersTable", error.Message);
    }

    [Fact]
    public void OnlyPropertiesAndResource_FindOrFailClearly()
    {
        Assert.Equal("", template.OnlyProperties("AWS::SQS::Queue").ToJsonString().Trim('{', '}'));
        Assert.Equal("AWS::SQS::Queue", template.Resource("Queue")["Type"]!.GetValue<string>());

        var many = Assert.Throws<TemplateAssertionException>(() => template.OnlyProperties("AWS::DynamoDB::Table"));
        var missing = Assert.Throws<TemplateAssertionException>(() => template.Resource("Nope"));

        Assert.Equal("Expected exactly one AWS::DynamoDB::Table, found 2: OrdersTable, UsersTable", many.Message);
        Assert.Equal("No resource 'Nope'. Resources: OrdersTable, UsersTable, Queue", missing.Message);
    }

    [Fact]
    public void HasOutput_MatchesTheValueOrSaysItIsMissing()
    {
        template.HasOutput("OrdersTableArn", new Dictionary<string, object> { ["Fn::GetAtt"] = new[] { "OrdersTable", "Arn" } });

        var wrong = Assert.Throws<TemplateAssertionException>(() =>
            template.HasOutput("OrdersTableArn", new Dictionary<string, object> { ["Fn::GetAtt"] = new[] { "OrdersTable", "StreamArn" } }));
        var missing = Assert.Throws<TemplateAssertionException>(() => template.HasOutput("UsersTableArn", Match.AnyValue()));

        Assert.Equal("Outputs.OrdersTableArn.Value.Fn::GetAtt[1]: expected \"StreamArn\", found \"Arn\"", wrong.Message);
        Assert.Equal("Outputs.UsersTableArn.Value: expected a value, found none", missing.Message);
    }

    [Fact]
    public void FromApp_ParsesTheSynthesizedBytesAndKeepsTheWarnings()
    {
        var fromApp = Template.Synth("shop", "test", _ => new Stelvio.Aws.DynamoDB.DynamoTable("users", new()
        {
            Fields = { ["user_id"] = "string", ["name"] = "string" },
            PartitionKey = "user_id",
        }));

        Support.LintedTemplates.Save("TemplateAssertionTests.FromApp", fromApp.Result!.TemplateBytes);
        fromApp.ResourceCountIs("AWS::DynamoDB::Table", 1);
        Assert.NotNull(fromApp.Result);
        Assert.Single(fromApp.Warnings);
        Assert.Empty(template.Warnings);
        Assert.Null(template.Result);
    }
}
