using Amazon.DynamoDBv2.Model;
using Stelvio.DynamoDB.Local.Tests.Support;

namespace Stelvio.DynamoDB.Local.Tests.Server;

public sealed class ServerProcessTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "stelvio-server-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task SIGTERM_stops_the_server_cleanly_and_a_restart_on_its_data_sees_its_tables()
    {
        using (var server = await ServerProcess.StartAsync("--data", _data, "--region", "eu-west-1"))
        {
            Assert.Contains("(region eu-west-1, data in ", server.Output, StringComparison.Ordinal);
            using var client = server.Client();
            await client.CreateTableAsync(new CreateTableRequest
            {
                TableName = "orders",
                AttributeDefinitions = [new("pk", "S")],
                KeySchema = [new("pk", "HASH")],
                BillingMode = "PAY_PER_REQUEST",
            });
            await client.PutItemAsync("orders", new() { ["pk"] = new("a"), ["n"] = new() { N = "1.50" } });
            Assert.Equal(0, await server.TerminateAsync());
            Assert.Contains("Stopping.", server.Output, StringComparison.Ordinal);
        }

        using var restarted = await ServerProcess.StartAsync("--data", _data);
        using var again = restarted.Client();
        var item = (await again.GetItemAsync("orders", new() { ["pk"] = new("a") })).Item;
        Assert.Equal("1.5", item["n"].N);
        Assert.Equal(["orders"], (await again.ListTablesAsync()).TableNames);
    }

    [Fact]
    public async Task A_second_server_on_the_same_data_directory_exits_with_an_error()
    {
        using var first = await ServerProcess.StartAsync("--data", _data);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync("--data", _data));
        Assert.Contains("is in use by another process", error.Message, StringComparison.Ordinal);
    }
}
