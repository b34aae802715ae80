using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Stelvio.DynamoDB.Local.Tests.Support;

namespace Stelvio.DynamoDB.Local.Tests.Operations;

[Collection(LocalDynamoCollection.Name)]
public sealed class TableOperationTests(LocalDynamoFixture fixture)
{
    private AmazonDynamoDBClient Client => fixture.Client;

    [Fact]
    public async Task CreateTable_returns_an_active_description_with_arn_and_keys()
    {
        var name = Tables.UniqueName();
        var response = await Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            AttributeDefinitions = [new("id", ScalarAttributeType.S), new("ts", ScalarAttributeType.N)],
            KeySchema = [new("id", KeyType.HASH), new("ts", KeyType.RANGE)],
            ProvisionedThroughput = new ProvisionedThroughput(5, 7),
        });
        var table = response.TableDescription;
        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        Assert.Equal($"arn:aws:dynamodb:us-east-1:123456789012:table/{name}", table.TableArn);
        Assert.Equal(["id", "ts"], table.KeySchema.Select(k => k.AttributeName));
        Assert.Equal(5, table.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(7, table.ProvisionedThroughput.WriteCapacityUnits);
        Assert.True((DateTime.UtcNow - table.CreationDateTime!.Value.ToUniversalTime()).Duration() < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task CreateTable_twice_is_ResourceInUseException()
    {
        var name = await Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<ResourceInUseException>(() => Tables.CreateAsync(Client, configure: r => r.TableName = name));
        Assert.Equal($"Table already exists: {name}", error.Message);
    }

    [Fact]
    public async Task CreateTable_refuses_a_short_name_with_the_constraint_message()
    {
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Tables.CreateAsync(Client, configure: r => r.TableName = "ab"));
        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3", error.Message);
    }

    [Fact]
    public async Task CreateTable_refuses_a_key_without_definition()
    {
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Tables.CreateAsync(Client, configure: r => r.KeySchema.Add(new KeySchemaElement("other", KeyType.RANGE))));
        Assert.Equal("Invalid KeySchema: Some index key attribute have no definition", error.Message);
    }

    [Fact]
    public async Task CreateTable_refuses_provisioned_without_throughput()
    {
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Tables.CreateAsync(Client, configure: r => r.BillingMode = null));
        Assert.Equal("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED", error.Message);
    }

    [Fact]
    public async Task CreateTable_refuses_an_lsi_on_a_table_without_range_key()
    {
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Tables.CreateAsync(Client, configure: r =>
        {
            r.AttributeDefinitions.Add(new("x", ScalarAttributeType.S));
            r.LocalSecondaryIndexes = [new LocalSecondaryIndex { IndexName = "byx", KeySchema = [new("pk", KeyType.HASH), new("x", KeyType.RANGE)], Projection = new Projection { ProjectionType = ProjectionType.ALL } }];
        }));
        Assert.Equal("One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex", error.Message);
    }

    [Fact]
    public async Task DescribeTable_of_a_missing_table_is_ResourceNotFoundException()
    {
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.DescribeTableAsync("missing-table"));
        Assert.Equal("Requested resource not found: Table: missing-table not found", error.Message);
    }

    [Fact]
    public async Task DescribeTable_shows_indexes_and_stream()
    {
        var name = await Tables.CreateAsync(Client, range: true, configure: r =>
        {
            r.AttributeDefinitions.Add(new("status", ScalarAttributeType.S));
            r.LocalSecondaryIndexes = [new LocalSecondaryIndex { IndexName = "by-status", KeySchema = [new("pk", KeyType.HASH), new("status", KeyType.RANGE)], Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY } }];
            r.GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = "status-all", KeySchema = [new("status", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = ["total"] } }];
            r.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES };
        });
        var table = (await Client.DescribeTableAsync(name)).Table;
        Assert.Equal("by-status", table.LocalSecondaryIndexes.Single().IndexName);
        var gsi = table.GlobalSecondaryIndexes.Single();
        Assert.Equal(IndexStatus.ACTIVE, gsi.IndexStatus);
        Assert.Equal(["total"], gsi.Projection.NonKeyAttributes);
        Assert.Equal($"arn:aws:dynamodb:us-east-1:123456789012:table/{name}/index/status-all", gsi.IndexArn);
        Assert.True(table.StreamSpecification.StreamEnabled);
        Assert.StartsWith($"arn:aws:dynamodb:us-east-1:123456789012:table/{name}/stream/", table.LatestStreamArn);
        Assert.Equal(BillingMode.PAY_PER_REQUEST, table.BillingModeSummary.BillingMode);
    }

    [Fact]
    public async Task ListTables_pages_with_limit_and_exclusive_start()
    {
        var engine = new DynamoEngine();
        using var db = new TemporaryServer(engine);
        var client = await db.ClientAsync();
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            names.Add(await Tables.CreateAsync(client));
        }
        names.Sort(StringComparer.Ordinal);
        var first = await client.ListTablesAsync(new ListTablesRequest { Limit = 2 });
        Assert.Equal(names.Take(2), first.TableNames);
        Assert.Equal(names[1], first.LastEvaluatedTableName);
        var rest = await client.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = first.LastEvaluatedTableName, Limit = 10 });
        Assert.Equal(names.Skip(2), rest.TableNames);
        Assert.Null(rest.LastEvaluatedTableName);
    }

    [Fact]
    public async Task DeleteTable_removes_the_table()
    {
        var name = await Tables.CreateAsync(Client);
        var deleted = await Client.DeleteTableAsync(name);
        Assert.Equal(TableStatus.DELETING, deleted.TableDescription.TableStatus);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.DescribeTableAsync(name));
        var again = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.DeleteTableAsync(name));
        Assert.Equal($"Requested resource not found: Table: {name} not found", again.Message);
    }
}
