using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Stelvio.DynamoDB.Local.Tests.Support;

/// <summary>One engine served on a free loopback port for the whole test run; tests use their own tables.</summary>
public sealed class LocalDynamoFixture : IAsyncLifetime
{
    private LocalDynamo? _db;

    public LocalDynamo Db => _db ?? throw new InvalidOperationException("The fixture has not started.");

    public AmazonDynamoDBClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _db = await LocalDynamo.StartAsync(new LocalDynamoOptions { Region = "us-east-1", AccountId = "123456789012" });
        Client = NewClient();
    }

    public AmazonDynamoDBClient NewClient() => new(
        new BasicAWSCredentials("test", "test"),
        new AmazonDynamoDBConfig { ServiceURL = Db.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LocalDynamoCollection : ICollectionFixture<LocalDynamoFixture>
{
    public const string Name = "LocalDynamo";
}
