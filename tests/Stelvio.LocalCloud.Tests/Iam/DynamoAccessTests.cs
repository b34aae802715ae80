using System.Buffers;
using System.Text;
using Stelvio.LocalCloud.Iam.Requests;

namespace Stelvio.LocalCloud.Tests.Iam;

public sealed class DynamoAccessTests
{
    private const string Table = "arn:aws:dynamodb:us-east-1:000000000000:table/";

    private static IReadOnlyList<RequestedAccess> For(string target, string body) =>
        DynamoAccess.For(target, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(body)), "us-east-1", "000000000000", table => table == "unknown" ? null : "pk");

    [Fact]
    public void Item_operations_need_their_action_on_the_table()
    {
        Assert.Equal([new("dynamodb:PutItem", Table + "orders", LeadingKeys: ["a"])], For("DynamoDB_20120810.PutItem", """{"TableName":"orders","Item":{"pk":{"S":"a"},"n":{"N":"1"}}}"""));
        Assert.Equal([new("dynamodb:DescribeTable", Table + "orders")], For("DynamoDB_20120810.DescribeTable", """{"TableName":"orders"}"""));
        Assert.Equal([new("dynamodb:GetItem", Table + "orders", LeadingKeys: ["7"])], For("DynamoDB_20120810.GetItem", "{\"TableName\":\"" + Table + "orders\",\"Key\":{\"pk\":{\"N\":\"7\"}}}"));
        Assert.Equal([new("dynamodb:DeleteItem", Table + "unknown", LeadingKeysUnknown: true)], For("DynamoDB_20120810.DeleteItem", """{"TableName":"unknown","Key":{"pk":{"S":"a"}}}"""));
    }

    [Fact]
    public void Query_and_scan_on_an_index_need_the_index_ARN()
    {
        Assert.Equal([new("dynamodb:Query", Table + "orders/index/byCustomer", LeadingKeysUnknown: true)], For("DynamoDB_20120810.Query", """{"TableName":"orders","IndexName":"byCustomer"}"""));
        Assert.Equal([new("dynamodb:Scan", Table + "orders/index/byCustomer")], For("DynamoDB_20120810.Scan", """{"TableName":"orders","IndexName":"byCustomer"}"""));
        Assert.Equal([new("dynamodb:Scan", Table + "orders")], For("DynamoDB_20120810.Scan", """{"TableName":"orders"}"""));
    }

    [Fact]
    public void A_query_on_the_table_carries_the_partition_key_it_sets_equal()
    {
        Assert.Equal(
            [new("dynamodb:Query", Table + "orders", LeadingKeys: ["tenant-a"])],
            For("DynamoDB_20120810.Query", """{"TableName":"orders","KeyConditionExpression":"#k = :k AND begins_with(sk, :p)","ExpressionAttributeNames":{"#k":"pk"},"ExpressionAttributeValues":{":k":{"S":"tenant-a"},":p":{"S":"x"}}}"""));
        Assert.Equal(
            [new("dynamodb:Query", Table + "orders", LeadingKeysUnknown: true)],
            For("DynamoDB_20120810.Query", """{"TableName":"orders","KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"a"}]}}}"""));
    }

    [Fact]
    public void Batches_need_their_action_on_every_table()
    {
        Assert.Equal(
            [new("dynamodb:BatchGetItem", Table + "orders", LeadingKeys: ["a", "b"]), new("dynamodb:BatchGetItem", Table + "audit", LeadingKeys: [])],
            For("DynamoDB_20120810.BatchGetItem", """{"RequestItems":{"orders":{"Keys":[{"pk":{"S":"a"}},{"pk":{"S":"b"}},{"pk":{"S":"a"}}]},"audit":{"Keys":[]}}}"""));
        Assert.Equal(
            [new("dynamodb:BatchWriteItem", Table + "orders", LeadingKeys: ["a", "b"])],
            For("DynamoDB_20120810.BatchWriteItem", """{"RequestItems":{"orders":[{"PutRequest":{"Item":{"pk":{"S":"a"}}}},{"DeleteRequest":{"Key":{"pk":{"S":"b"}}}}]}}"""));
    }

    [Fact]
    public void Transactions_need_each_item_action_with_the_enclosing_operation()
    {
        Assert.Equal(
            [
                new("dynamodb:PutItem", Table + "orders", "TransactWriteItems", ["a"]),
                new("dynamodb:UpdateItem", Table + "orders", "TransactWriteItems", ["b"]),
                new("dynamodb:DeleteItem", Table + "audit", "TransactWriteItems", ["c"]),
                new("dynamodb:ConditionCheckItem", Table + "secret", "TransactWriteItems", ["d"]),
            ],
            For("DynamoDB_20120810.TransactWriteItems", """{"TransactItems":[{"Put":{"TableName":"orders","Item":{"pk":{"S":"a"}}}},{"Update":{"TableName":"orders","Key":{"pk":{"S":"b"}}}},{"Delete":{"TableName":"audit","Key":{"pk":{"S":"c"}}}},{"ConditionCheck":{"TableName":"secret","Key":{"pk":{"S":"d"}}}}]}"""));
        Assert.Equal([new("dynamodb:GetItem", Table + "orders", "TransactGetItems", LeadingKeysUnknown: true)], For("DynamoDB_20120810.TransactGetItems", """{"TransactItems":[{"Get":{"TableName":"orders"}}]}"""));
    }

    [Fact]
    public void PartiQL_statements_need_the_PartiQL_action_of_their_kind()
    {
        Assert.Equal([new("dynamodb:PartiQLSelect", Table + "orders/index/byCustomer")], For("DynamoDB_20120810.ExecuteStatement", """{"Statement":"SELECT * FROM \"orders\".\"byCustomer\" WHERE customer = ?","Parameters":[{"S":"ada"}]}"""));
        Assert.Equal(
            [new("dynamodb:PartiQLInsert", Table + "orders"), new("dynamodb:PartiQLUpdate", Table + "audit"), new("dynamodb:PartiQLDelete", Table + "secret")],
            For("DynamoDB_20120810.BatchExecuteStatement", """{"Statements":[{"Statement":"INSERT INTO orders VALUE {'pk':'a'}"},{"Statement":"UPDATE audit SET n = 1 WHERE pk = 'a'"},{"Statement":"DELETE FROM secret WHERE pk = 'a'"}]}"""));
        Assert.Equal([new("dynamodb:PartiQLSelect", Table + "orders")], For("DynamoDB_20120810.ExecuteTransaction", """{"TransactStatements":[{"Statement":"SELECT * FROM orders WHERE pk = 'a'"}]}"""));
    }

    [Fact]
    public void Listings_are_on_star()
    {
        Assert.Equal([new("dynamodb:ListTables", "*")], For("DynamoDB_20120810.ListTables", "{}"));
        Assert.Equal([new("dynamodb:ListStreams", "*")], For("DynamoDBStreams_20120810.ListStreams", """{"TableName":"orders"}"""));
    }

    [Fact]
    public void Stream_operations_need_the_stream_ARN_including_GetRecords_through_its_iterator()
    {
        const string stream = Table + "orders/stream/2025-01-01T00:00:00.000";
        Assert.Equal([new("dynamodb:DescribeStream", stream)], For("DynamoDBStreams_20120810.DescribeStream", $$$"""{"StreamArn":"{{{stream}}}"}"""));
        Assert.Equal([new("dynamodb:GetShardIterator", stream)], For("DynamoDBStreams_20120810.GetShardIterator", $$$"""{"StreamArn":"{{{stream}}}","ShardId":"s","ShardIteratorType":"LATEST"}"""));
        // The engine's iterator format: {streamArn}|1|base64("{shardId}:{after}:{issuedMs}").
        var iterator = stream + "|1|" + Convert.ToBase64String(Encoding.UTF8.GetBytes("shardId-1:5:0"));
        Assert.Equal([new("dynamodb:GetRecords", stream)], For("DynamoDBStreams_20120810.GetRecords", $$$"""{"ShardIterator":"{{{iterator}}}"}"""));
    }

    [Fact]
    public void Requests_the_engine_rejects_anyway_need_nothing()
    {
        Assert.Empty(For("DynamoDB_20120810.PutItem", "not json"));
        Assert.Empty(For("DynamoDB_20120810.Query", """{"IndexName":"x"}"""));
        Assert.Empty(For("DynamoDB_20120810.ExecuteStatement", """{"Statement":"SELEKT"}"""));
        Assert.Empty(For("DynamoDBStreams_20120810.GetRecords", """{"ShardIterator":"garbage"}"""));
    }
}
