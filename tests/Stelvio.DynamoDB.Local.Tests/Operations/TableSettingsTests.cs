using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Stelvio.DynamoDB.Local.Tests.Support;
using static Stelvio.DynamoDB.Local.Tests.Support.Values;

namespace Stelvio.DynamoDB.Local.Tests.Operations;

[Collection(LocalDynamoCollection.Name)]
public sealed class TableSettingsTests(LocalDynamoFixture fixture)
{
    private AmazonDynamoDBClient Client => fixture.Client;

    [Fact]
    public async Task UpdateTable_adds_a_gsi_backfilled_with_existing_items_and_deletes_it()
    {
        var name = await Tables.CreateAsync(Client);
        await Client.PutItemAsync(name, new() { ["pk"] = S("a"), ["g"] = S("x") });
        await Client.PutItemAsync(name, new() { ["pk"] = S("b") });
        var updated = await Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = name,
            AttributeDefinitions = [new("g", ScalarAttributeType.S)],
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Create = new CreateGlobalSecondaryIndexAction { IndexName = "by-g", KeySchema = [new("g", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL } } }],
        });
        Assert.Equal("by-g", updated.TableDescription.GlobalSecondaryIndexes.Single().IndexName);
        var query = await Client.QueryAsync(new QueryRequest { TableName = name, IndexName = "by-g", KeyConditionExpression = "g = :g", ExpressionAttributeValues = new() { [":g"] = S("x") } });
        Assert.Equal("a", query.Items.Single()["pk"].S);

        await Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = "by-g" } }] });
        var described = (await Client.DescribeTableAsync(name)).Table;
        Assert.Empty(described.GlobalSecondaryIndexes ?? []);
        Assert.Equal(["pk"], described.AttributeDefinitions.Select(a => a.AttributeName));
    }

    [Fact]
    public async Task UpdateTable_creating_an_existing_index_is_refused()
    {
        var name = await Tables.CreateAsync(Client, configure: r =>
        {
            r.AttributeDefinitions.Add(new("g", ScalarAttributeType.S));
            r.GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = "by-g", KeySchema = [new("g", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL } }];
        });
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = name,
            AttributeDefinitions = [new("g", ScalarAttributeType.S)],
            GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Create = new CreateGlobalSecondaryIndexAction { IndexName = "by-g", KeySchema = [new("g", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL } } }],
        }));
        Assert.Equal("Attempting to create an index which already exists", error.Message);
    }

    [Fact]
    public async Task UpdateTable_with_nothing_to_change_is_refused()
    {
        var name = await Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.UpdateTableAsync(new UpdateTableRequest { TableName = name }));
        Assert.StartsWith("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates", error.Message);
    }

    [Fact]
    public async Task UpdateTable_changes_throughput_and_refuses_the_same_value()
    {
        var name = await Tables.CreateAsync(Client, configure: r =>
        {
            r.BillingMode = null;
            r.ProvisionedThroughput = new ProvisionedThroughput(5, 5);
        });
        var updated = await Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, ProvisionedThroughput = new ProvisionedThroughput(10, 5) });
        Assert.Equal(10, updated.TableDescription.ProvisionedThroughput.ReadCapacityUnits);
        Assert.NotNull(updated.TableDescription.ProvisionedThroughput.LastIncreaseDateTime);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, ProvisionedThroughput = new ProvisionedThroughput(10, 5) }));
        Assert.StartsWith("The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: 10. Requested ReadCapacityUnits: 10.", error.Message);
    }

    [Fact]
    public async Task UpdateTable_switches_billing_mode()
    {
        var name = await Tables.CreateAsync(Client);
        var updated = await Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, BillingMode = BillingMode.PROVISIONED, ProvisionedThroughput = new ProvisionedThroughput(3, 4) });
        Assert.Equal(BillingMode.PROVISIONED, updated.TableDescription.BillingModeSummary.BillingMode);
        Assert.Equal(4, updated.TableDescription.ProvisionedThroughput.WriteCapacityUnits);
    }

    [Fact]
    public async Task UpdateTable_enables_a_stream_with_a_new_label_and_refuses_enabling_twice()
    {
        var name = await Tables.CreateAsync(Client);
        var enabled = await Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.KEYS_ONLY } });
        Assert.NotNull(enabled.TableDescription.LatestStreamArn);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.KEYS_ONLY } }));
        Assert.Equal($"Table already has an enabled stream: TableName: {name}", error.Message);
        await Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, StreamSpecification = new StreamSpecification { StreamEnabled = false } });
        var none = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, StreamSpecification = new StreamSpecification { StreamEnabled = false } }));
        Assert.Equal($"Table has no stream to disable: TableName: {name}", none.Message);
    }

    [Fact]
    public async Task Time_to_live_is_enabled_described_and_refused_twice()
    {
        var name = await Tables.CreateAsync(Client);
        var described = await Client.DescribeTimeToLiveAsync(name);
        Assert.Equal(TimeToLiveStatus.DISABLED, described.TimeToLiveDescription.TimeToLiveStatus);
        var updated = await Client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest { TableName = name, TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = "expires", Enabled = true } });
        Assert.Equal("expires", updated.TimeToLiveSpecification.AttributeName);
        described = await Client.DescribeTimeToLiveAsync(name);
        Assert.Equal(TimeToLiveStatus.ENABLED, described.TimeToLiveDescription.TimeToLiveStatus);
        Assert.Equal("expires", described.TimeToLiveDescription.AttributeName);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest { TableName = name, TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = "expires", Enabled = true } }));
        Assert.Equal("TimeToLive is already enabled", error.Message);
    }

    [Fact]
    public async Task Continuous_backups_are_described_and_updated()
    {
        var name = await Tables.CreateAsync(Client);
        var described = await Client.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = name });
        Assert.Equal(PointInTimeRecoveryStatus.DISABLED, described.ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus);
        var updated = await Client.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest { TableName = name, PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true } });
        Assert.Equal(PointInTimeRecoveryStatus.ENABLED, updated.ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus);
        var missing = await Assert.ThrowsAsync<TableNotFoundException>(() => Client.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = "no-such-table" }));
        Assert.Equal("Table not found: no-such-table", missing.Message);
    }

    [Fact]
    public async Task Tags_are_added_listed_and_removed()
    {
        var name = await Tables.CreateAsync(Client, configure: r => r.Tags = [new Tag { Key = "team", Value = "a" }]);
        var arn = (await Client.DescribeTableAsync(name)).Table.TableArn;
        await Client.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "env", Value = "dev" }, new Tag { Key = "team", Value = "b" }] });
        var tags = (await Client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = arn })).Tags;
        Assert.Equal(["env=dev", "team=b"], tags.Select(t => $"{t.Key}={t.Value}").Order());
        await Client.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["team"] });
        tags = (await Client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = arn })).Tags;
        Assert.Equal(["env"], tags.Select(t => t.Key));
    }

    [Fact]
    public async Task Tagging_a_missing_table_names_the_arn()
    {
        var arn = "arn:aws:dynamodb:us-east-1:123456789012:table/not-there";
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = arn }));
        Assert.Equal($"Requested resource not found: ResourcArn: {arn} not found", error.Message);
    }

    [Fact]
    public async Task DescribeLimits_and_DescribeEndpoints_answer()
    {
        var limits = await Client.DescribeLimitsAsync(new DescribeLimitsRequest());
        Assert.Equal(40000, limits.TableMaxReadCapacityUnits);
        var endpoints = await Client.DescribeEndpointsAsync(new DescribeEndpointsRequest());
        Assert.Equal("dynamodb.us-east-1.amazonaws.com", endpoints.Endpoints.Single().Address);
    }

    [Fact]
    public async Task DeleteTable_refuses_a_protected_table()
    {
        var name = await Tables.CreateAsync(Client, configure: r => r.DeletionProtectionEnabled = true);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.DeleteTableAsync(name));
        Assert.Equal("Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.", error.Message);
        await Client.UpdateTableAsync(new UpdateTableRequest { TableName = name, DeletionProtectionEnabled = false });
        await Client.DeleteTableAsync(name);
    }
}
