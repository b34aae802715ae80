using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Stelvio.DynamoDB.Local.Tests.Support;

namespace Stelvio.DynamoDB.Local.Tests.PartiQL;

[Collection(LocalDynamoCollection.Name)]
public sealed class PartiQLTests(LocalDynamoFixture fixture)
{
    private readonly AmazonDynamoDBClient _client = fixture.Client;

    private Task<ExecuteStatementResponse> Run(string statement, params AttributeValue[] parameters) =>
        _client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = statement, Parameters = parameters.Length == 0 ? null : [.. parameters] });

    private async Task<string> TableWithItemsAsync()
    {
        var table = await Tables.CreateAsync(_client, range: true);
        await Run($"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': '1', 'n': 1, 'tags': <<'x', 'y'>>, 'm': {{'k': [1, 'two', true, null]}}}}");
        await Run($"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': '2', 'n': 2}}");
        await Run($"INSERT INTO \"{table}\" VALUE {{'pk': 'b', 'sk': '1', 'n': 3}}");
        return table;
    }

    [Fact]
    public async Task Insert_then_select_by_key_returns_the_item_with_its_types()
    {
        var table = await TableWithItemsAsync();
        var item = Assert.Single((await Run($"SELECT * FROM \"{table}\" WHERE pk = 'a' AND sk = '1'")).Items);
        Assert.Equal("1", item["n"].N);
        Assert.Equal(["x", "y"], item["tags"].SS.Order());
        Assert.Equal("two", item["m"].M["k"].L[1].S);
        Assert.True(item["m"].M["k"].L[2].BOOL);
        Assert.True(item["m"].M["k"].L[3].NULL);
    }

    [Fact]
    public async Task Select_filters_on_other_attributes_projects_and_scans_without_a_key()
    {
        var table = await TableWithItemsAsync();
        var partition = await Run($"SELECT sk, n FROM \"{table}\" WHERE pk = ? AND n >= ?", new AttributeValue("a"), new AttributeValue { N = "2" });
        var item = Assert.Single(partition.Items);
        Assert.Equal(["n", "sk"], item.Keys.Order());
        Assert.Equal("2", item["sk"].S);

        var scanned = await Run($"SELECT * FROM \"{table}\" WHERE n BETWEEN 2 AND 3 OR begins_with(pk, 'zz')");
        Assert.Equal(["2", "3"], scanned.Items.Select(i => i["n"].N).Order());

        var all = await Run($"SELECT * FROM \"{table}\"");
        Assert.Equal(3, all.Items.Count);
        var some = await Run($"SELECT * FROM \"{table}\" WHERE n IN [1, 3] AND tags IS NOT MISSING");
        Assert.Equal("1", Assert.Single(some.Items)["n"].N);
    }

    [Fact]
    public async Task Insert_of_an_existing_key_is_a_duplicate_item_error()
    {
        var table = await TableWithItemsAsync();
        var error = await Assert.ThrowsAsync<DuplicateItemException>(() => Run($"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': '1'}}"));
        Assert.Equal("Duplicate primary key exists in table", error.Message);
    }

    [Fact]
    public async Task Update_sets_and_removes_on_the_key_and_fails_on_a_missing_item()
    {
        var table = await TableWithItemsAsync();
        await Run($"UPDATE \"{table}\" SET n = n + 10 SET note = ? REMOVE tags WHERE pk = 'a' AND sk = '1'", new AttributeValue("hi"));
        var item = Assert.Single((await Run($"SELECT * FROM \"{table}\" WHERE pk = 'a' AND sk = '1'")).Items);
        Assert.Equal("11", item["n"].N);
        Assert.Equal("hi", item["note"].S);
        Assert.False(item.ContainsKey("tags"));

        var missing = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Run($"UPDATE \"{table}\" SET n = 1 WHERE pk = 'zz' AND sk = '1'"));
        Assert.Equal("The conditional request failed", missing.Message);
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Run($"UPDATE \"{table}\" SET n = 1 WHERE pk = 'a' AND sk = '2' AND n = 99"));
    }

    [Fact]
    public async Task Delete_by_key_removes_the_item_a_missing_one_is_success_and_a_false_condition_fails()
    {
        var table = await TableWithItemsAsync();
        await Run($"DELETE FROM \"{table}\" WHERE pk = 'b' AND sk = '1'");
        Assert.Empty((await Run($"SELECT * FROM \"{table}\" WHERE pk = 'b'")).Items);
        await Run($"DELETE FROM \"{table}\" WHERE pk = 'nobody' AND sk = '1' AND n = 5");
        var error = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Run($"DELETE FROM \"{table}\" WHERE pk = 'a' AND sk = '2' AND n = 5"));
        Assert.Equal("The conditional request failed", error.Message);
        var returned = await Run($"DELETE FROM \"{table}\" WHERE pk = 'a' AND sk = '2' RETURNING ALL OLD *");
        Assert.Equal("2", Assert.Single(returned.Items)["n"].N);
    }

    [Theory]
    [InlineData("SELEC * FROM t", "Statement wasn't well formed, can't be processed: Expected data manipulation")]
    [InlineData("SELECT * FROM \"t-x\" WHERE pk = 'a' garbage", "Statement wasn't well formed, can't be processed: Unexpected token after expression")]
    [InlineData("UPDATE \"t-x\" SET a = 1 WHERE a = 'b'", "Where clause does not contain a mandatory equality on all key attributes")]
    public async Task Malformed_statements_are_validation_errors(string statement, string message)
    {
        var table = await Tables.CreateAsync(_client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Run(statement.Replace("t-x", table, StringComparison.Ordinal)));
        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task A_parameter_count_that_does_not_match_is_a_validation_error()
    {
        var table = await Tables.CreateAsync(_client);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Run($"SELECT * FROM \"{table}\" WHERE pk = ?"));
        Assert.Equal("Number of parameters in request and statement don't match.", error.Message);
    }

    [Fact]
    public async Task A_missing_table_is_resource_not_found()
    {
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Run("SELECT * FROM \"no-such-table\""));
    }

    [Fact]
    public async Task Batch_execute_answers_each_statement_with_its_item_or_error()
    {
        var table = await TableWithItemsAsync();
        var response = await _client.BatchExecuteStatementAsync(new BatchExecuteStatementRequest
        {
            Statements =
            [
                new() { Statement = $"SELECT * FROM \"{table}\" WHERE pk = 'a' AND sk = '1'" },
                new() { Statement = $"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': '1'}}" },
                new() { Statement = $"INSERT INTO \"{table}\" VALUE {{'pk': 'c', 'sk': '1'}}" },
            ],
        });
        Assert.Equal("1", response.Responses[0].Item["n"].N);
        Assert.Equal(BatchStatementErrorCodeEnum.DuplicateItem, response.Responses[1].Error.Code);
        Assert.Equal("Duplicate primary key exists in table", response.Responses[1].Error.Message);
        Assert.Null(response.Responses[2].Error);
        Assert.Single((await Run($"SELECT * FROM \"{table}\" WHERE pk = 'c'")).Items);
    }

    [Fact]
    public async Task Execute_transaction_writes_all_or_nothing_and_reads_by_key()
    {
        var table = await TableWithItemsAsync();
        await _client.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements =
            [
                new() { Statement = $"INSERT INTO \"{table}\" VALUE {{'pk': 't', 'sk': '1'}}" },
                new() { Statement = $"UPDATE \"{table}\" SET n = 100 WHERE pk = 'a' AND sk = '1'" },
            ],
        });
        await Assert.ThrowsAsync<TransactionCanceledException>(() => _client.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements =
            [
                new() { Statement = $"INSERT INTO \"{table}\" VALUE {{'pk': 'u', 'sk': '1'}}" },
                new() { Statement = $"UPDATE \"{table}\" SET n = 1 WHERE pk = 'missing' AND sk = '1'" },
            ],
        }));
        Assert.Empty((await Run($"SELECT * FROM \"{table}\" WHERE pk = 'u'")).Items);

        var read = await _client.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements =
            [
                new() { Statement = $"SELECT * FROM \"{table}\" WHERE pk = 'a' AND sk = '1'" },
                new() { Statement = $"SELECT * FROM \"{table}\" WHERE pk = 't' AND sk = '1'" },
            ],
        });
        Assert.Equal("100", read.Responses[0].Item["n"].N);
        Assert.Equal("t", read.Responses[1].Item["pk"].S);
    }
}
