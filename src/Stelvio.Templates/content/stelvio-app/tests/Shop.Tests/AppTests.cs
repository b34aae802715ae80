using Stelvio.Testing;

namespace Shop.Tests;

/// <summary>The app's template, synthesized as Program.cs declares it, checked resource by resource.</summary>
public sealed class AppTests
{
    // Handler folders are found from the app's project (ShopApp is in it), wherever the tests run.
    private readonly Template template = Template.Synth(ShopApp.Name, "test", ShopApp.Declare);

    [Fact]
    public void OrdersTable_HasTheKeysAndAStream()
    {
        template.ResourceCountIs("AWS::DynamoDB::Table", 1);
        template.HasResourceProperties("AWS::DynamoDB::Table", new
        {
            TableName = $"{ShopApp.Name}-test-orders",
            KeySchema = Match.Exact(new object[]
            {
                new { AttributeName = "customer_id", KeyType = "HASH" },
                new { AttributeName = "order_date", KeyType = "RANGE" },
            }),
            StreamSpecification = new { StreamViewType = "NEW_AND_OLD_IMAGES" },
        });
    }

    [Fact]
    public void TwoFunctions_ReadTheStreamAndGetOrders()
    {
        template.ResourceCountIs("AWS::Lambda::Function", 2);
        template.ResourceCountIs("AWS::Lambda::EventSourceMapping", 1);
        template.HasResourceProperties("AWS::Lambda::Function", new { FunctionName = $"{ShopApp.Name}-test-orders-process-orders" });
        template.HasResourceProperties("AWS::Lambda::Function", new { FunctionName = $"{ShopApp.Name}-test-get-order" });
    }

    [Fact]
    public void GetOrder_MayReadAndWriteTheTable()
    {
        template.HasResourceProperties("AWS::IAM::Policy", new
        {
            PolicyDocument = new
            {
                Statement = Match.ArrayWith(new
                {
                    Effect = "Allow",
                    Action = Match.ArrayWith("dynamodb:GetItem", "dynamodb:PutItem"),
                    Resource = Match.ArrayWith(new Dictionary<string, object> { ["Fn::GetAtt"] = new[] { "OrdersTable", "Arn" } }),
                }),
            },
        });
    }
}
