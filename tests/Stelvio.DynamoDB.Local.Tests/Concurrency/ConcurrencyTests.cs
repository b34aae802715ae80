using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Stelvio.DynamoDB.Local.Tests.Support;
using static Stelvio.DynamoDB.Local.Tests.Support.Values;

namespace Stelvio.DynamoDB.Local.Tests.Concurrency;

/// <summary>Conditional writes and transactions are atomic and isolated under concurrent clients: no lost update.</summary>
[Collection(LocalDynamoCollection.Name)]
public sealed class ConcurrencyTests(LocalDynamoFixture fixture)
{
    private const int Clients = 8;

    [Fact]
    public async Task Parallel_ADD_increments_sum_exactly()
    {
        var name = await Tables.CreateAsync(fixture.Client);
        const int PerClient = 40;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            using var client = fixture.NewClient();
            for (var i = 0; i < PerClient; i++)
            {
                await client.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = name,
                    Key = new() { ["pk"] = S("counter") },
                    UpdateExpression = "ADD n :one",
                    ExpressionAttributeValues = new() { [":one"] = N(1) },
                });
            }
        })));
        var item = (await fixture.Client.GetItemAsync(name, new() { ["pk"] = S("counter") }, true)).Item;
        Assert.Equal((Clients * PerClient).ToString(System.Globalization.CultureInfo.InvariantCulture), item["n"].N);
    }

    [Fact]
    public async Task Racing_conditional_puts_have_exactly_one_winner()
    {
        var name = await Tables.CreateAsync(fixture.Client);
        for (var round = 0; round < 10; round++)
        {
            var key = "race-" + round;
            var results = await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
            {
                try
                {
                    await fixture.Client.PutItemAsync(new PutItemRequest
                    {
                        TableName = name,
                        Item = new() { ["pk"] = S(key), ["winner"] = N(client) },
                        ConditionExpression = "attribute_not_exists(pk)",
                    });
                    return client;
                }
                catch (ConditionalCheckFailedException)
                {
                    return -1;
                }
            })));
            var winners = results.Where(r => r >= 0).ToList();
            var winner = Assert.Single(winners);
            var stored = (await fixture.Client.GetItemAsync(name, new() { ["pk"] = S(key) }, true)).Item;
            Assert.Equal(winner.ToString(System.Globalization.CultureInfo.InvariantCulture), stored["winner"].N);
        }
    }

    [Fact]
    public async Task Transactions_and_single_writes_on_the_same_items_lose_nothing()
    {
        var name = await Tables.CreateAsync(fixture.Client);
        await fixture.Client.PutItemAsync(name, new() { ["pk"] = S("a"), ["v"] = N(100) });
        await fixture.Client.PutItemAsync(name, new() { ["pk"] = S("b"), ["v"] = N(0) });
        const int Transfers = 15;
        const int Deposits = 15;
        var transfers = Enumerable.Range(0, Clients / 2).Select(_ => Task.Run(async () =>
        {
            using var client = fixture.NewClient();
            var done = 0;
            for (var i = 0; i < Transfers; i++)
            {
                await client.TransactWriteItemsAsync(new TransactWriteItemsRequest
                {
                    TransactItems =
                    [
                        new TransactWriteItem { Update = new Update { TableName = name, Key = new() { ["pk"] = S("a") }, UpdateExpression = "SET v = v - :one", ConditionExpression = "v >= :one", ExpressionAttributeValues = new() { [":one"] = N(1) } } },
                        new TransactWriteItem { Update = new Update { TableName = name, Key = new() { ["pk"] = S("b") }, UpdateExpression = "SET v = v + :one", ExpressionAttributeValues = new() { [":one"] = N(1) } } },
                    ],
                });
                done++;
            }
            return done;
        })).ToList();
        var deposits = Enumerable.Range(0, Clients / 2).Select(_ => Task.Run(async () =>
        {
            using var client = fixture.NewClient();
            for (var i = 0; i < Deposits; i++)
            {
                await client.UpdateItemAsync(new UpdateItemRequest { TableName = name, Key = new() { ["pk"] = S("a") }, UpdateExpression = "ADD v :one", ExpressionAttributeValues = new() { [":one"] = N(1) } });
            }
            return 0;
        })).ToList();
        var moved = (await Task.WhenAll(transfers)).Sum();
        await Task.WhenAll(deposits);
        var read = await fixture.Client.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems =
            [
                new TransactGetItem { Get = new Get { TableName = name, Key = new() { ["pk"] = S("a") } } },
                new TransactGetItem { Get = new Get { TableName = name, Key = new() { ["pk"] = S("b") } } },
            ],
        });
        var a = int.Parse(read.Responses[0].Item["v"].N, System.Globalization.CultureInfo.InvariantCulture);
        var b = int.Parse(read.Responses[1].Item["v"].N, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Clients / 2 * Transfers, moved);
        Assert.Equal(moved, b);
        Assert.Equal(100 + Clients / 2 * Deposits - moved, a);
    }
}
