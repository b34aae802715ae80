using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Stelvio.DynamoDB.Local.Tests.Support;
using static Stelvio.DynamoDB.Local.Tests.Support.Values;

namespace Stelvio.DynamoDB.Local.Tests.Operations;

[Collection(LocalDynamoCollection.Name)]
public sealed class QueryScanTests(LocalDynamoFixture fixture)
{
    private AmazonDynamoDBClient Client => fixture.Client;

    private async Task<string> NumberedAsync(int count = 10)
    {
        var name = await Tables.CreateAsync(Client, range: true, rangeType: "N", configure: r =>
        {
            r.AttributeDefinitions.Add(new("status", ScalarAttributeType.S));
            r.AttributeDefinitions.Add(new("total", ScalarAttributeType.N));
            r.LocalSecondaryIndexes = [new LocalSecondaryIndex { IndexName = "by-status", KeySchema = [new("pk", KeyType.HASH), new("status", KeyType.RANGE)], Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY } }];
            r.GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = "status-total", KeySchema = [new("status", KeyType.HASH), new("total", KeyType.RANGE)], Projection = new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = ["note"] } }];
        });
        for (var i = 1; i <= count; i++)
        {
            var item = new Dictionary<string, AttributeValue> { ["pk"] = S("p"), ["sk"] = N(i), ["note"] = S("n" + i), ["other"] = S("o") };
            if (i % 2 == 0)
            {
                item["status"] = S("even");
                item["total"] = N(100 - i);
            }
            await Client.PutItemAsync(name, item);
        }
        await Client.PutItemAsync(name, new() { ["pk"] = S("q"), ["sk"] = N(1) });
        return name;
    }

    [Fact]
    public async Task Query_selects_a_sort_key_range_in_order()
    {
        var name = await NumberedAsync();
        var response = await Client.QueryAsync(new QueryRequest
        {
            TableName = name,
            KeyConditionExpression = "pk = :p AND sk BETWEEN :a AND :b",
            ExpressionAttributeValues = new() { [":p"] = S("p"), [":a"] = N(3), [":b"] = N(6) },
        });
        Assert.Equal(["3", "4", "5", "6"], response.Items.Select(i => i["sk"].N));
        Assert.Equal(4, response.Count);
        Assert.Equal(4, response.ScannedCount);
        Assert.Null(response.LastEvaluatedKey is { Count: > 0 } ? response.LastEvaluatedKey : null);
    }

    [Fact]
    public async Task Query_backwards_with_limit_pages_with_LastEvaluatedKey()
    {
        var name = await NumberedAsync();
        var seen = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        var pages = 0;
        do
        {
            var response = await Client.QueryAsync(new QueryRequest
            {
                TableName = name,
                KeyConditionExpression = "pk = :p AND sk > :a",
                ExpressionAttributeValues = new() { [":p"] = S("p"), [":a"] = N(2) },
                ScanIndexForward = false,
                Limit = 3,
                ExclusiveStartKey = start,
            });
            seen.AddRange(response.Items.Select(i => i["sk"].N));
            start = response.LastEvaluatedKey is { Count: > 0 } key ? key : null;
            pages++;
        }
        while (start is not null);
        Assert.Equal(["10", "9", "8", "7", "6", "5", "4", "3"], seen);
        Assert.True(pages >= 3);
    }

    [Fact]
    public async Task Query_filter_counts_scanned_and_matched()
    {
        var name = await NumberedAsync();
        var response = await Client.QueryAsync(new QueryRequest
        {
            TableName = name,
            KeyConditionExpression = "pk = :p",
            FilterExpression = "attribute_exists(#s)",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":p"] = S("p") },
        });
        Assert.Equal(5, response.Count);
        Assert.Equal(10, response.ScannedCount);
    }

    [Fact]
    public async Task Query_on_a_gsi_is_sparse_ordered_and_projected()
    {
        var name = await NumberedAsync();
        var response = await Client.QueryAsync(new QueryRequest
        {
            TableName = name,
            IndexName = "status-total",
            KeyConditionExpression = "#s = :s AND #t >= :t",
            ExpressionAttributeNames = new() { ["#s"] = "status", ["#t"] = "total" },
            ExpressionAttributeValues = new() { [":s"] = S("even"), [":t"] = N(94) },
        });
        Assert.Equal(["94", "96", "98"], response.Items.Select(i => i["total"].N));
        Assert.All(response.Items, item => Assert.Equal(["note", "pk", "sk", "status", "total"], item.Keys.Order()));
    }

    [Fact]
    public async Task Query_on_an_lsi_uses_its_sort_key()
    {
        var name = await NumberedAsync();
        var response = await Client.QueryAsync(new QueryRequest
        {
            TableName = name,
            IndexName = "by-status",
            KeyConditionExpression = "pk = :p AND begins_with(#s, :e)",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":p"] = S("p"), [":e"] = S("ev") },
        });
        Assert.Equal(5, response.Count);
        Assert.All(response.Items, item => Assert.Equal(["pk", "sk", "status"], item.Keys.Order()));
    }

    [Fact]
    public async Task Consistent_reads_on_a_gsi_are_refused()
    {
        var name = await NumberedAsync(1);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.QueryAsync(new QueryRequest
        {
            TableName = name,
            IndexName = "status-total",
            ConsistentRead = true,
            KeyConditionExpression = "#s = :s",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":s"] = S("even") },
        }));
        Assert.Equal("Consistent reads are not supported on global secondary indexes", error.Message);
    }

    [Fact]
    public async Task An_unknown_index_is_refused()
    {
        var name = await NumberedAsync(1);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.QueryAsync(new QueryRequest
        {
            TableName = name,
            IndexName = "nope",
            KeyConditionExpression = "pk = :p",
            ExpressionAttributeValues = new() { [":p"] = S("p") },
        }));
        Assert.Equal("The table does not have the specified index: nope", error.Message);
    }

    [Fact]
    public async Task Query_with_Select_COUNT_returns_no_items()
    {
        var name = await NumberedAsync();
        var response = await Client.QueryAsync(new QueryRequest
        {
            TableName = name,
            Select = Select.COUNT,
            KeyConditionExpression = "pk = :p",
            ExpressionAttributeValues = new() { [":p"] = S("p") },
        });
        Assert.Equal(10, response.Count);
        Assert.Empty(response.Items ?? []);
    }

    [Fact]
    public async Task Query_refuses_a_projection_with_select_ALL_ATTRIBUTES()
    {
        var name = await NumberedAsync(1);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.QueryAsync(new QueryRequest
        {
            TableName = name,
            Select = Select.ALL_ATTRIBUTES,
            ProjectionExpression = "note",
            KeyConditionExpression = "pk = :p",
            ExpressionAttributeValues = new() { [":p"] = S("p") },
        }));
        Assert.Equal("Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES", error.Message);
    }

    [Fact]
    public async Task Legacy_KeyConditions_and_QueryFilter_work()
    {
        var name = await NumberedAsync();
        var response = await Client.QueryAsync(new QueryRequest
        {
            TableName = name,
            KeyConditions = new()
            {
                ["pk"] = new Condition { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = [S("p")] },
                ["sk"] = new Condition { ComparisonOperator = ComparisonOperator.LE, AttributeValueList = [N(4)] },
            },
            QueryFilter = new() { ["status"] = new Condition { ComparisonOperator = ComparisonOperator.NOT_NULL } },
        });
        Assert.Equal(["2", "4"], response.Items.Select(i => i["sk"].N));
    }

    [Fact]
    public async Task Scan_segments_partition_the_table()
    {
        var name = await Tables.CreateAsync(Client);
        for (var i = 0; i < 40; i++)
        {
            await Client.PutItemAsync(name, new() { ["pk"] = S("k" + i) });
        }
        var all = new List<string>();
        for (var segment = 0; segment < 4; segment++)
        {
            var response = await Client.ScanAsync(new ScanRequest { TableName = name, Segment = segment, TotalSegments = 4 });
            all.AddRange(response.Items.Select(i => i["pk"].S));
        }
        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Distinct().Count());
    }

    [Fact]
    public async Task Scan_pages_with_limit_through_every_item_once()
    {
        var name = await Tables.CreateAsync(Client, range: true);
        for (var i = 0; i < 25; i++)
        {
            await Client.PutItemAsync(name, new() { ["pk"] = S("k" + (i % 5)), ["sk"] = S("s" + i) });
        }
        var seen = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var response = await Client.ScanAsync(new ScanRequest { TableName = name, Limit = 4, ExclusiveStartKey = start });
            seen.AddRange(response.Items.Select(i => i["sk"].S));
            start = response.LastEvaluatedKey is { Count: > 0 } key ? key : null;
        }
        while (start is not null);
        Assert.Equal(25, seen.Count);
        Assert.Equal(25, seen.Distinct().Count());
    }

    [Fact]
    public async Task Scan_refuses_a_segment_without_total()
    {
        var name = await Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.ScanAsync(new ScanRequest { TableName = name, Segment = 1 }));
        Assert.Equal("The TotalSegments parameter is required but was not present in the request when parameter Segment is present", error.Message);
        var over = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.ScanAsync(new ScanRequest { TableName = name, Segment = 2, TotalSegments = 2 }));
        Assert.Equal("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is not less than TotalSegments: 2", over.Message);
    }

    [Fact]
    public async Task Scan_stops_a_page_at_one_megabyte()
    {
        var name = await Tables.CreateAsync(Client);
        var big = new string('x', 100 * 1024);
        for (var i = 0; i < 15; i++)
        {
            await Client.PutItemAsync(name, new() { ["pk"] = S("k" + i), ["big"] = S(big) });
        }
        var first = await Client.ScanAsync(new ScanRequest { TableName = name });
        Assert.True(first.ScannedCount < 15);
        Assert.NotEmpty(first.LastEvaluatedKey);
    }
}
