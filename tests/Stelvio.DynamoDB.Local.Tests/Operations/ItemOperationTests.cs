using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Stelvio.DynamoDB.Local.Tests.Support;

namespace Stelvio.DynamoDB.Local.Tests.Operations;

[Collection(LocalDynamoCollection.Name)]
public sealed class ItemOperationTests(LocalDynamoFixture fixture)
{
    private AmazonDynamoDBClient Client => fixture.Client;

    private static AttributeValue S(string s) => new() { S = s };

    private static AttributeValue N(string n) => new() { N = n };

    [Fact]
    public async Task PutItem_then_GetItem_round_trips_every_type()
    {
        var name = await Tables.CreateAsync(Client);
        var item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = S("a"),
            ["s"] = S(""),
            ["n"] = N("1.50"),
            ["b"] = new() { B = new MemoryStream([1, 2, 3]) },
            ["ss"] = new() { SS = ["x", "y"] },
            ["ns"] = new() { NS = ["1", "2.5"] },
            ["bs"] = new() { BS = [new MemoryStream([9])] },
            ["m"] = new() { M = new() { ["inner"] = S("v") } },
            ["l"] = new() { L = [N("1"), S("two")] },
            ["t"] = new() { BOOL = true },
            ["z"] = new() { NULL = true },
        };
        await Client.PutItemAsync(name, item);
        var got = (await Client.GetItemAsync(name, new() { ["pk"] = S("a") })).Item;
        Assert.Equal("", got["s"].S);
        Assert.Equal("1.5", got["n"].N);
        Assert.Equal([1, 2, 3], got["b"].B.ToArray());
        Assert.Equal(["x", "y"], got["ss"].SS);
        Assert.Equal(["1", "2.5"], got["ns"].NS);
        Assert.Equal([9], got["bs"].BS.Single().ToArray());
        Assert.Equal("v", got["m"].M["inner"].S);
        Assert.Equal("two", got["l"].L[1].S);
        Assert.True(got["t"].BOOL);
        Assert.True(got["z"].NULL);
    }

    [Fact]
    public async Task GetItem_of_a_missing_item_has_no_item()
    {
        var name = await Tables.CreateAsync(Client);
        var response = await Client.GetItemAsync(name, new() { ["pk"] = S("nothing") });
        Assert.False(response.IsItemSet);
    }

    [Fact]
    public async Task PutItem_with_ALL_OLD_returns_the_replaced_item()
    {
        var name = await Tables.CreateAsync(Client);
        await Client.PutItemAsync(name, new() { ["pk"] = S("a"), ["v"] = N("1") });
        var response = await Client.PutItemAsync(new PutItemRequest { TableName = name, Item = new() { ["pk"] = S("a"), ["v"] = N("2") }, ReturnValues = ReturnValue.ALL_OLD });
        Assert.Equal("1", response.Attributes["v"].N);
    }

    [Fact]
    public async Task PutItem_refuses_ReturnValues_other_than_ALL_OLD_or_NONE()
    {
        var name = await Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.PutItemAsync(new PutItemRequest { TableName = name, Item = new() { ["pk"] = S("a") }, ReturnValues = ReturnValue.ALL_NEW }));
        Assert.Equal("ReturnValues can only be ALL_OLD or NONE", error.Message);
    }

    [Fact]
    public async Task PutItem_into_a_missing_table_is_ResourceNotFoundException()
    {
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Client.PutItemAsync("no-such-table", new() { ["pk"] = S("a") }));
        Assert.Equal("Requested resource not found", error.Message);
    }

    [Fact]
    public async Task PutItem_without_the_key_names_the_missing_key()
    {
        var name = await Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.PutItemAsync(name, new() { ["other"] = S("a") }));
        Assert.Equal("One or more parameter values were invalid: Missing the key pk in the item", error.Message);
    }

    [Fact]
    public async Task PutItem_with_a_mistyped_key_names_both_types()
    {
        var name = await Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.PutItemAsync(name, new() { ["pk"] = N("1") }));
        Assert.Equal("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N", error.Message);
    }

    [Fact]
    public async Task PutItem_with_an_empty_string_key_is_refused()
    {
        var name = await Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.PutItemAsync(name, new() { ["pk"] = S("") }));
        Assert.Equal("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk", error.Message);
    }

    [Fact]
    public async Task PutItem_refuses_a_hash_key_over_2048_bytes()
    {
        var name = await Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.PutItemAsync(name, new() { ["pk"] = S(new string('a', 2049)) }));
        Assert.Equal("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes", error.Message);
    }

    [Fact]
    public async Task PutItem_refuses_an_item_over_400_KB()
    {
        var name = await Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.PutItemAsync(name, new() { ["pk"] = S("a"), ["big"] = S(new string('x', 400 * 1024)) }));
        Assert.Equal("Item size has exceeded the maximum allowed size", error.Message);
    }

    [Fact]
    public async Task PutItem_refuses_an_empty_set_and_duplicates()
    {
        var name = await Tables.CreateAsync(Client);
        var empty = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.PutItemAsync(name, new() { ["pk"] = S("a"), ["s"] = new() { SS = [] } }));
        Assert.Equal("One or more parameter values were invalid: An string set  may not be empty", empty.Message);
        var duplicate = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.PutItemAsync(name, new() { ["pk"] = S("a"), ["s"] = new() { SS = ["a", "a"] } }));
        Assert.Equal("One or more parameter values were invalid: Input collection [a, a] contains duplicates.", duplicate.Message);
    }

    [Fact]
    public async Task GetItem_with_a_key_not_matching_the_schema_is_refused()
    {
        var name = await Tables.CreateAsync(Client, range: true);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.GetItemAsync(name, new() { ["pk"] = S("a") }));
        Assert.Equal("The provided key element does not match the schema", error.Message);
    }

    [Fact]
    public async Task DeleteItem_removes_and_returns_the_old_item()
    {
        var name = await Tables.CreateAsync(Client, range: true, rangeType: "N");
        await Client.PutItemAsync(name, new() { ["pk"] = S("a"), ["sk"] = N("1"), ["v"] = S("x") });
        var response = await Client.DeleteItemAsync(new DeleteItemRequest { TableName = name, Key = new() { ["pk"] = S("a"), ["sk"] = N("1") }, ReturnValues = ReturnValue.ALL_OLD });
        Assert.Equal("x", response.Attributes["v"].S);
        Assert.False((await Client.GetItemAsync(name, new() { ["pk"] = S("a"), ["sk"] = N("1") })).IsItemSet);
    }

    [Fact]
    public async Task ReturnConsumedCapacity_TOTAL_reports_units()
    {
        var name = await Tables.CreateAsync(Client);
        var put = await Client.PutItemAsync(new PutItemRequest { TableName = name, Item = new() { ["pk"] = S("a"), ["big"] = S(new string('x', 1500)) }, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL });
        Assert.Equal(2.0, put.ConsumedCapacity.CapacityUnits);
        Assert.Equal(name, put.ConsumedCapacity.TableName);
        var get = await Client.GetItemAsync(new GetItemRequest { TableName = name, Key = new() { ["pk"] = S("a") }, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL });
        Assert.Equal(0.5, get.ConsumedCapacity.CapacityUnits);
    }
}
