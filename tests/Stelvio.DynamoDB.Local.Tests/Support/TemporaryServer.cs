using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Stelvio.DynamoDB.Local.Tests.Support;

/// <summary>A server of its own for tests that need an empty engine (e.g. ListTables).</summary>
public sealed class TemporaryServer(DynamoEngine engine) : IDisposable
{
    private LocalDynamo? _db;
    private AmazonDynamoDBClient? _client;

    public async Task<AmazonDynamoDBClient> ClientAsync()
    {
        _db ??= await LocalDynamo.StartAsync(engine, 0);
        return _client ??= new AmazonDynamoDBClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig { ServiceURL = _db.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
    }

    public void Dispose()
    {
        _client?.Dispose();
        _db?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
