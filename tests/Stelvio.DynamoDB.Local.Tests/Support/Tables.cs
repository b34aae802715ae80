using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Stelvio.DynamoDB.Local.Tests.Support;

/// <summary>Creates uniquely named tables for tests.</summary>
public static class Tables
{
    public static string UniqueName(string prefix = "t") => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>A table keyed by "pk" (S) and, when <paramref name="range"/>, "sk" (of <paramref name="rangeType"/>).</summary>
    public static async Task<string> CreateAsync(IAmazonDynamoDB client, bool range = false, string rangeType = "S", Action<CreateTableRequest>? configure = null)
    {
        var name = UniqueName();
        var request = new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
        };
        if (range)
        {
            request.AttributeDefinitions.Add(new AttributeDefinition("sk", new ScalarAttributeType(rangeType)));
            request.KeySchema.Add(new KeySchemaElement("sk", KeyType.RANGE));
        }
        configure?.Invoke(request);
        await client.CreateTableAsync(request);
        return name;
    }
}
