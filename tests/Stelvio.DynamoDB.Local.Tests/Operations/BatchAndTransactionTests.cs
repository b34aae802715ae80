using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Stelvio.DynamoDB.Local.Tests.Support;
using static Stelvio.DynamoDB.Local.Tests.Support.Values;

namespace Stelvio.DynamoDB.Local.Tests.Operations;

[Collection(LocalDynamoCollection.Name)]
public sealed class BatchAndTransactionTests(LocalDynamoFixture fixture)
{
    private AmazonDynamoDBClient Client => fixture.Client;

    [Fact]
    public async Task BatchWriteItem_puts_and_deletes_across_tables()
    {
        var a = await Tables.CreateAsync(Client);
        var b = await Tables.CreateAsync(Client);
        await Client.PutItemAsync(b, new() { ["pk"] = S("gone") });
        var response = await Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new()
            {
                [a] = [new WriteRequest(new PutRequest(new() { ["pk"] = S("1") })), new WriteRequest(new PutRequest(new() { ["pk"] = S("2") }))],
                [b] = [new WriteRequest(new DeleteRequest(new() { ["pk"] = S("gone") }))],
            },
        });
        Assert.Empty(response.UnprocessedItems);
        Assert.Equal(2, (await Client.ScanAsync(new ScanRequest(a))).Count);
        Assert.Equal(0, (await Client.ScanAsync(new ScanRequest(b))).Count);
    }

    [Fact]
    public async Task BatchWriteItem_refuses_more_than_25_requests()
    {
        var a = await Tables.CreateAsync(Client);
        var b = await Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new()
            {
                [a] = [.. Enumerable.Range(0, 13).Select(i => new WriteRequest(new PutRequest(new() { ["pk"] = S("a" + i) })))],
                [b] = [.. Enumerable.Range(0, 13).Select(i => new WriteRequest(new PutRequest(new() { ["pk"] = S("b" + i) })))],
            },
        }));
        Assert.Equal("Too many items requested for the BatchWriteItem call", error.Message);
    }

    [Fact]
    public async Task BatchWriteItem_refuses_duplicate_keys()
    {
        var a = await Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { [a] = [new WriteRequest(new PutRequest(new() { ["pk"] = S("1") })), new WriteRequest(new DeleteRequest(new() { ["pk"] = S("1") }))] },
        }));
        Assert.Equal("Provided list of item keys contains duplicates", error.Message);
    }

    [Fact]
    public async Task BatchGetItem_returns_found_items_projected()
    {
        var a = await Tables.CreateAsync(Client);
        await Client.PutItemAsync(a, new() { ["pk"] = S("1"), ["x"] = N(1), ["y"] = N(2) });
        var response = await Client.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { [a] = new KeysAndAttributes { Keys = [new() { ["pk"] = S("1") }, new() { ["pk"] = S("missing") }], ProjectionExpression = "x" } },
        });
        var item = Assert.Single(response.Responses[a]);
        Assert.Equal(["x"], item.Keys);
        Assert.Empty(response.UnprocessedKeys);
    }

    [Fact]
    public async Task BatchGetItem_refuses_more_than_100_keys()
    {
        var a = await Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { [a] = new KeysAndAttributes { Keys = [.. Enumerable.Range(0, 101).Select(i => new Dictionary<string, AttributeValue> { ["pk"] = S("k" + i) })] } },
        }));
        Assert.Equal("1 validation error detected: Value '[...]' at 'requestItems." + a + ".member.keys' failed to satisfy constraint: Member must have length less than or equal to 100", error.Message);
    }

    [Fact]
    public async Task BatchGetItem_returns_unprocessed_keys_past_16_MB()
    {
        var a = await Tables.CreateAsync(Client);
        var big = new string('x', 390 * 1024);
        for (var i = 0; i < 45; i++)
        {
            await Client.PutItemAsync(a, new() { ["pk"] = S("k" + i), ["big"] = S(big) });
        }
        var response = await Client.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { [a] = new KeysAndAttributes { Keys = [.. Enumerable.Range(0, 45).Select(i => new Dictionary<string, AttributeValue> { ["pk"] = S("k" + i) })] } },
        });
        var returned = response.Responses[a].Count;
        Assert.True(returned < 45);
        Assert.Equal(45 - returned, response.UnprocessedKeys[a].Keys.Count);
    }

    [Fact]
    public async Task TransactWriteItems_applies_all_or_nothing_with_reasons_in_order()
    {
        var a = await Tables.CreateAsync(Client);
        await Client.PutItemAsync(a, new() { ["pk"] = S("exists"), ["v"] = N(1) });
        var error = await Assert.ThrowsAsync<TransactionCanceledException>(() => Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = a, Item = new() { ["pk"] = S("new") } } },
                new TransactWriteItem { ConditionCheck = new ConditionCheck { TableName = a, Key = new() { ["pk"] = S("exists") }, ConditionExpression = "v = :two", ExpressionAttributeValues = new() { [":two"] = N(2) }, ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD } },
            ],
        }));
        Assert.Equal("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]", error.Message);
        Assert.Equal(["None", "ConditionalCheckFailed"], error.CancellationReasons.Select(r => r.Code));
        Assert.Equal("1", error.CancellationReasons[1].Item["v"].N);
        Assert.False((await Client.GetItemAsync(a, new() { ["pk"] = S("new") })).IsItemSet);

        await Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = a, Item = new() { ["pk"] = S("new") } } },
                new TransactWriteItem { Update = new Update { TableName = a, Key = new() { ["pk"] = S("exists") }, UpdateExpression = "ADD v :one", ExpressionAttributeValues = new() { [":one"] = N(1) } } },
                new TransactWriteItem { Delete = new Delete { TableName = a, Key = new() { ["pk"] = S("never") } } },
            ],
        });
        Assert.True((await Client.GetItemAsync(a, new() { ["pk"] = S("new") })).IsItemSet);
        Assert.Equal("2", (await Client.GetItemAsync(a, new() { ["pk"] = S("exists") })).Item["v"].N);
    }

    [Fact]
    public async Task TransactWriteItems_refuses_two_operations_on_one_item()
    {
        var a = await Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = a, Item = new() { ["pk"] = S("x") } } },
                new TransactWriteItem { Delete = new Delete { TableName = a, Key = new() { ["pk"] = S("x") } } },
            ],
        }));
        Assert.Equal("Transaction request cannot include multiple operations on one item", error.Message);
    }

    [Fact]
    public async Task TransactWriteItems_with_the_same_token_applies_once()
    {
        var a = await Tables.CreateAsync(Client);
        var token = Guid.NewGuid().ToString();
        TransactWriteItemsRequest Request(string value) => new()
        {
            ClientRequestToken = token,
            TransactItems = [new TransactWriteItem { Update = new Update { TableName = a, Key = new() { ["pk"] = S("c") }, UpdateExpression = "ADD n :v", ExpressionAttributeValues = new() { [":v"] = N(value) } } }],
        };
        await Client.TransactWriteItemsAsync(Request("1"));
        await Client.TransactWriteItemsAsync(Request("1"));
        Assert.Equal("1", (await Client.GetItemAsync(a, new() { ["pk"] = S("c") })).Item["n"].N);
        var mismatch = await Assert.ThrowsAsync<IdempotentParameterMismatchException>(() => Client.TransactWriteItemsAsync(Request("2")));
        Assert.Equal("IdempotentParameterMismatchException", mismatch.ErrorCode);
    }

    [Fact]
    public async Task TransactGetItems_reads_in_order()
    {
        var a = await Tables.CreateAsync(Client);
        await Client.PutItemAsync(a, new() { ["pk"] = S("1"), ["v"] = N(1) });
        var response = await Client.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems =
            [
                new TransactGetItem { Get = new Get { TableName = a, Key = new() { ["pk"] = S("missing") } } },
                new TransactGetItem { Get = new Get { TableName = a, Key = new() { ["pk"] = S("1") } } },
            ],
        });
        Assert.Equal(2, response.Responses.Count);
        Assert.True(response.Responses[0].Item is null or { Count: 0 });
        Assert.Equal("1", response.Responses[1].Item["v"].N);
    }
}
