using Stelvio.Aws.DynamoDB;
using Stelvio.Tests.Support;

namespace Stelvio.Tests.Aws.DynamoDB;

public sealed class TableBasicsTests
{
    [Fact]
    public void Table_WithFriendlyFieldTypes_WritesKeysAndOnlyKeyAttributes()
    {
        var template = Synth.Template(app => new DynamoTable("orders", new()
        {
            Fields = { ["customer_id"] = "string", ["order_date"] = "string", ["status"] = "string", ["total"] = "number" },
            PartitionKey = "customer_id",
            SortKey = "order_date",
        }));

        template.ResourceCountIs("AWS::DynamoDB::Table", 1);
        template.HasResourceProperties("AWS::DynamoDB::Table", new
        {
            TableName = "shop-test-orders",
            BillingMode = "PAY_PER_REQUEST",
            KeySchema = new object[]
            {
                new { AttributeName = "customer_id", KeyType = "HASH" },
                new { AttributeName = "order_date", KeyType = "RANGE" },
            },
            AttributeDefinitions = Stelvio.Testing.Match.Exact(new object[]
            {
                new { AttributeName = "customer_id", AttributeType = "S" },
                new { AttributeName = "order_date", AttributeType = "S" },
            }),
            StreamSpecification = Stelvio.Testing.Match.Absent(),
        });
        Assert.Contains(template.Warnings, w => w.Message.Contains("'status', 'total' are not used by any key or index", StringComparison.Ordinal));
    }
}
