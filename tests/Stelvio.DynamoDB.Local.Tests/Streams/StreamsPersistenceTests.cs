using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Stelvio.DynamoDB.Local.Tests.Support;

namespace Stelvio.DynamoDB.Local.Tests.Streams;

/// <summary>With a data directory, streams and their records survive a restart, and new records follow them.</summary>
public sealed class StreamsPersistenceTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "stelvio-streams-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static AmazonDynamoDBClient Client(LocalDynamo db) => new(
        new BasicAWSCredentials("test", "test"),
        new AmazonDynamoDBConfig { ServiceURL = db.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    [Fact]
    public async Task Streams_and_records_are_there_after_a_restart()
    {
        string table, arn;
        List<string> before;
        await using (var db = await LocalDynamo.StartAsync(new LocalDynamoOptions { DataDirectory = _directory, SyncWrites = false }))
        {
            using var client = Client(db);
            table = await Tables.CreateAsync(client, configure: r =>
                r.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = "NEW_IMAGE" });
            arn = (await client.DescribeTableAsync(table)).Table.LatestStreamArn;
            await client.PutItemAsync(table, new() { ["pk"] = new() { S = "1" } });
            await client.PutItemAsync(table, new() { ["pk"] = new() { S = "2" } });
            var streams = new StreamsWireClient(db.Endpoint);
            before = [.. (await streams.RecordsAsync(await streams.LatestIteratorAsync(arn))).Select(r => r!.ToJsonString())];
        }

        await using (var db = await LocalDynamo.StartAsync(new LocalDynamoOptions { DataDirectory = _directory, SyncWrites = false }))
        {
            using var client = Client(db);
            await client.PutItemAsync(table, new() { ["pk"] = new() { S = "3" } });
            var streams = new StreamsWireClient(db.Endpoint);
            var listed = (await streams.CallAsync("ListStreams", new { TableName = table }))["Streams"]!.AsArray();
            Assert.Equal(arn, Assert.Single(listed)!["StreamArn"]!.GetValue<string>());
            var after = await streams.RecordsAsync(await streams.LatestIteratorAsync(arn));

            Assert.Equal(before, after.Take(2).Select(r => r!.ToJsonString()));
            Assert.Equal(3, after.Count);
            var sequences = after.Select(r => decimal.Parse(r!["dynamodb"]!["SequenceNumber"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.True(sequences[2] > sequences[1]);
        }
    }
}
