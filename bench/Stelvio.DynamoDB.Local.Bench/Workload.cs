using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Stelvio.DynamoDB.Local.Bench;

/// <summary>
/// The four measured operations on one table (pk S, sk N): PutItem and GetItem of ~100-byte items over 10,000
/// keys, Query of a 10-item partition, and UpdateItem <c>SET v = v + :one</c> conditional on the item existing.
/// Each is given as a prepared AWS JSON body and as an AWS SDK call.
/// </summary>
internal static class Workload
{
    public const string Table = "bench";
    public const int Keys = 10_000;
    public const int Partitions = 100;

    public static readonly string[] Operations = ["PutItem", "GetItem", "Query", "UpdateItem"];

    private static readonly string Payload = new('p', 80);

    public static string CreateTableJson => $$"""
        {"TableName":"{{Table}}","BillingMode":"PAY_PER_REQUEST",
         "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],
         "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}
        """;

    /// <summary>Every request that fills the table: the 10,000 keys and 100 partitions of 10 items.</summary>
    public static IEnumerable<byte[]> SeedPuts()
    {
        for (var i = 0; i < Keys; i++)
        {
            yield return Body("PutItem", i);
        }
        for (var p = 0; p < Partitions; p++)
        {
            for (var s = 0; s < 10; s++)
            {
                yield return Encoding.UTF8.GetBytes($$$$"""{"TableName":"{{{{Table}}}}","Item":{"pk":{"S":"q{{{{p}}}}"},"sk":{"N":"{{{{s}}}}"},"v":{"N":"1"},"d":{"S":"{{{{Payload}}}}"}}}""");
            }
        }
    }

    /// <summary>The request body of operation number <paramref name="n"/>.</summary>
    public static byte[] Body(string operation, long n) => Encoding.UTF8.GetBytes(operation switch
    {
        "PutItem" => $$$$"""{"TableName":"{{{{Table}}}}","Item":{"pk":{"S":"k{{{{n % Keys}}}}"},"sk":{"N":"0"},"v":{"N":"1"},"d":{"S":"{{{{Payload}}}}"}}}""",
        "GetItem" => $$$$"""{"TableName":"{{{{Table}}}}","Key":{"pk":{"S":"k{{{{n % Keys}}}}"},"sk":{"N":"0"}}}""",
        "Query" => $$$$"""{"TableName":"{{{{Table}}}}","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"q{{{{n % Partitions}}}}"}}}""",
        "UpdateItem" => $$$$"""{"TableName":"{{{{Table}}}}","Key":{"pk":{"S":"k{{{{n % Keys}}}}"},"sk":{"N":"0"}},"UpdateExpression":"SET v = v + :one","ConditionExpression":"attribute_exists(pk)","ExpressionAttributeValues":{":one":{"N":"1"}}}""",
        _ => throw new ArgumentException(operation),
    });

    /// <summary>Prepared bodies for <paramref name="operation"/>, cycled through by the runs.</summary>
    public static byte[][] Prepared(string operation) => Enumerable.Range(0, 4096).Select(i => Body(operation, i * 7919L)).ToArray();

    public static Task CallAsync(AmazonDynamoDBClient client, string operation, long n) => operation switch
    {
        "PutItem" => client.PutItemAsync(new PutItemRequest
        {
            TableName = Table,
            Item = new() { ["pk"] = new($"k{n % Keys}"), ["sk"] = new() { N = "0" }, ["v"] = new() { N = "1" }, ["d"] = new(Payload) },
        }),
        "GetItem" => client.GetItemAsync(new GetItemRequest(Table, new() { ["pk"] = new($"k{n % Keys}"), ["sk"] = new() { N = "0" } })),
        "Query" => client.QueryAsync(new QueryRequest
        {
            TableName = Table,
            KeyConditionExpression = "pk = :p",
            ExpressionAttributeValues = new() { [":p"] = new($"q{n % Partitions}") },
        }),
        "UpdateItem" => client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Table,
            Key = new() { ["pk"] = new($"k{n % Keys}"), ["sk"] = new() { N = "0" } },
            UpdateExpression = "SET v = v + :one",
            ConditionExpression = "attribute_exists(pk)",
            ExpressionAttributeValues = new() { [":one"] = new() { N = "1" } },
        }),
        _ => throw new ArgumentException(operation),
    };
}
