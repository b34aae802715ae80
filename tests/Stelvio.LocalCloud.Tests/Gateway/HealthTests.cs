namespace Stelvio.LocalCloud.Tests.Gateway;

public sealed class HealthTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_GET_answers_a_health_check()
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync(fixture.Endpoint);
        Assert.Equal("healthy: Stelvio local cloud (DynamoDB, DynamoDB Streams, Lambda Invoke) in us-east-1", text);
    }
}
