using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Stelvio.DynamoDB.Local.Tests.Support;
using static Stelvio.DynamoDB.Local.Tests.Support.Values;

namespace Stelvio.DynamoDB.Local.Tests.Operations;

[Collection(LocalDynamoCollection.Name)]
public sealed class ConditionAndUpdateTests(LocalDynamoFixture fixture)
{
    private AmazonDynamoDBClient Client => fixture.Client;

    [Fact]
    public async Task A_false_condition_is_ConditionalCheckFailedException_and_writes_nothing()
    {
        var name = await Tables.CreateAsync(Client);
        await Client.PutItemAsync(name, new() { ["pk"] = S("a"), ["v"] = N(1) });
        var error = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Client.PutItemAsync(new PutItemRequest
        {
            TableName = name,
            Item = new() { ["pk"] = S("a"), ["v"] = N(2) },
            ConditionExpression = "attribute_not_exists(pk)",
        }));
        Assert.Equal("The conditional request failed", error.Message);
        Assert.Equal("1", (await Client.GetItemAsync(name, new() { ["pk"] = S("a") })).Item["v"].N);
    }

    [Fact]
    public async Task ReturnValuesOnConditionCheckFailure_returns_the_item()
    {
        var name = await Tables.CreateAsync(Client);
        await Client.PutItemAsync(name, new() { ["pk"] = S("a"), ["v"] = N(1) });
        var error = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = name,
            Key = new() { ["pk"] = S("a") },
            ConditionExpression = "v = :two",
            ExpressionAttributeValues = new() { [":two"] = N(2) },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        }));
        Assert.Equal("1", error.Item["v"].N);
    }

    [Fact]
    public async Task Legacy_Expected_is_honoured()
    {
        var name = await Tables.CreateAsync(Client);
        await Client.PutItemAsync(name, new() { ["pk"] = S("a") });
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Client.PutItemAsync(new PutItemRequest
        {
            TableName = name,
            Item = new() { ["pk"] = S("a") },
            Expected = new() { ["pk"] = new ExpectedAttributeValue { Exists = false } },
        }));
    }

    [Fact]
    public async Task Mixing_Expected_and_ConditionExpression_is_refused()
    {
        var name = await Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.PutItemAsync(new PutItemRequest
        {
            TableName = name,
            Item = new() { ["pk"] = S("a") },
            ConditionExpression = "attribute_not_exists(pk)",
            Expected = new() { ["pk"] = new ExpectedAttributeValue { Exists = false } },
        }));
        Assert.Equal("Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}", error.Message);
    }

    [Fact]
    public async Task Values_without_an_expression_are_refused()
    {
        var name = await Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.PutItemAsync(new PutItemRequest
        {
            TableName = name,
            Item = new() { ["pk"] = S("a") },
            ExpressionAttributeValues = new() { [":v"] = N(1) },
        }));
        Assert.Equal("ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null", error.Message);
    }

    [Fact]
    public async Task An_unused_value_is_refused()
    {
        var name = await Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.PutItemAsync(new PutItemRequest
        {
            TableName = name,
            Item = new() { ["pk"] = S("a") },
            ConditionExpression = "attribute_not_exists(pk)",
            ExpressionAttributeValues = new() { [":v"] = N(1) },
        }));
        Assert.Equal("Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}", error.Message);
    }

    [Fact]
    public async Task UpdateItem_creates_the_item_and_returns_updated_values()
    {
        var name = await Tables.CreateAsync(Client);
        var response = await Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = name,
            Key = new() { ["pk"] = S("a") },
            UpdateExpression = "SET #n = :n ADD c :one",
            ExpressionAttributeNames = new() { ["#n"] = "name" },
            ExpressionAttributeValues = new() { [":n"] = S("x"), [":one"] = N(1) },
            ReturnValues = ReturnValue.ALL_NEW,
        });
        Assert.Equal("x", response.Attributes["name"].S);
        Assert.Equal("1", response.Attributes["c"].N);
        Assert.Equal("a", response.Attributes["pk"].S);
        var second = await Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = name,
            Key = new() { ["pk"] = S("a") },
            UpdateExpression = "ADD c :one",
            ExpressionAttributeValues = new() { [":one"] = N(1) },
            ReturnValues = ReturnValue.UPDATED_OLD,
        });
        Assert.Equal(["c"], second.Attributes.Keys);
        Assert.Equal("1", second.Attributes["c"].N);
    }

    [Fact]
    public async Task UpdateItem_UPDATED_NEW_returns_only_the_nested_part_written()
    {
        var name = await Tables.CreateAsync(Client);
        await Client.PutItemAsync(name, new() { ["pk"] = S("a"), ["m"] = new() { M = new() { ["x"] = N(1), ["y"] = N(2) } } });
        var response = await Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = name,
            Key = new() { ["pk"] = S("a") },
            UpdateExpression = "SET m.x = :v",
            ExpressionAttributeValues = new() { [":v"] = N(5) },
            ReturnValues = ReturnValue.UPDATED_NEW,
        });
        Assert.Equal(["x"], response.Attributes["m"].M.Keys);
        Assert.Equal("5", response.Attributes["m"].M["x"].N);
    }

    [Fact]
    public async Task UpdateItem_cannot_update_a_key_attribute()
    {
        var name = await Tables.CreateAsync(Client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = name,
            Key = new() { ["pk"] = S("a") },
            UpdateExpression = "SET pk = :v",
            ExpressionAttributeValues = new() { [":v"] = S("b") },
        }));
        Assert.Equal("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key", error.Message);
    }

    [Fact]
    public async Task UpdateItem_with_a_condition_on_a_missing_item_fails()
    {
        var name = await Tables.CreateAsync(Client);
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = name,
            Key = new() { ["pk"] = S("a") },
            UpdateExpression = "SET v = :v",
            ConditionExpression = "attribute_exists(pk)",
            ExpressionAttributeValues = new() { [":v"] = N(1) },
        }));
        Assert.False((await Client.GetItemAsync(name, new() { ["pk"] = S("a") })).IsItemSet);
    }

    [Fact]
    public async Task Legacy_AttributeUpdates_apply()
    {
        var name = await Tables.CreateAsync(Client);
        await Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = name,
            Key = new() { ["pk"] = S("a") },
            AttributeUpdates = new() { ["v"] = new AttributeValueUpdate { Action = AttributeAction.PUT, Value = S("x") } },
        });
        Assert.Equal("x", (await Client.GetItemAsync(name, new() { ["pk"] = S("a") })).Item["v"].S);
    }

    [Fact]
    public async Task GetItem_ProjectionExpression_returns_only_named_paths()
    {
        var name = await Tables.CreateAsync(Client);
        await Client.PutItemAsync(name, new() { ["pk"] = S("a"), ["x"] = N(1), ["y"] = N(2) });
        var item = (await Client.GetItemAsync(new GetItemRequest { TableName = name, Key = new() { ["pk"] = S("a") }, ProjectionExpression = "x" })).Item;
        Assert.Equal(["x"], item.Keys);
    }
}
