namespace Stelvio.DynamoDB.Local.Tests.Clients;

/// <summary>boto3 (Python) drives the engine: tables, items and the stream, read through AWS's service models.</summary>
public sealed class Boto3Tests
{
    [Fact]
    public async Task The_boto3_script_passes_against_the_engine()
    {
        await using var db = await LocalDynamo.StartAsync();
        var script = Path.Combine(AppContext.BaseDirectory, "Clients", "boto3_client.py");

        var output = await ExternalProcess.RunAsync("python3", [script, db.Endpoint.ToString()]);

        Assert.Equal("ok", output.Trim());
    }
}
