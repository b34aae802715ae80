using System.IO.Hashing;
using System.Net;
using System.Text;
using System.Text.Json;
using Stelvio.DynamoDB.Local.Tests.Support;

namespace Stelvio.DynamoDB.Local.Tests.Protocol;

[Collection(LocalDynamoCollection.Name)]
public sealed class HttpProtocolTests(LocalDynamoFixture fixture)
{
    private static readonly HttpClient Http = new();

    private async Task<(HttpResponseMessage Response, string Body)> PostAsync(string? target, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Db.Endpoint);
        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        var response = await Http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Responses_are_aws_json_with_the_crc32_of_the_body()
    {
        var (response, body) = await PostAsync("DynamoDB_20120810.ListTables", "{}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.0", response.Content.Headers.ContentType!.MediaType);
        var crc = Crc32.HashToUInt32(Encoding.UTF8.GetBytes(body));
        Assert.Equal(crc.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("x-amz-crc32").Single());
        Assert.True(JsonDocument.Parse(body).RootElement.TryGetProperty("TableNames", out _));
    }

    [Fact]
    public async Task An_unknown_target_is_UnknownOperationException()
    {
        var (response, body) = await PostAsync("DynamoDB_20120810.Frobnicate", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("com.amazon.coral.service#UnknownOperationException", JsonDocument.Parse(body).RootElement.GetProperty("__type").GetString());
    }

    [Fact]
    public async Task A_missing_target_is_UnknownOperationException()
    {
        var (response, body) = await PostAsync(null, "{}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("com.amazon.coral.service#UnknownOperationException", JsonDocument.Parse(body).RootElement.GetProperty("__type").GetString());
    }

    [Theory]
    [InlineData("{")]
    [InlineData("}{")]
    [InlineData("habababa")]
    public async Task Malformed_json_is_SerializationException(string payload)
    {
        var (response, body) = await PostAsync("DynamoDB_20120810.PutItem", payload);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("com.amazon.coral.service#SerializationException", JsonDocument.Parse(body).RootElement.GetProperty("__type").GetString());
    }

    [Theory]
    [InlineData("{\"TableName\": 23}", "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String")]
    [InlineData("{\"TableName\": true}", "class java.lang.Boolean can not be converted to an String")]
    [InlineData("{\"TableName\": []}", "Start of list found where not expected")]
    [InlineData("{\"TableName\": {}}", "Start of structure or map found where not expected.")]
    public async Task A_member_of_the_wrong_type_is_SerializationException_with_corals_message(string payload, string message)
    {
        var (response, body) = await PostAsync("DynamoDB_20120810.DescribeTable", payload);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal("com.amazon.coral.service#SerializationException", root.GetProperty("__type").GetString());
        Assert.Equal(message, root.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task A_validation_error_names_its_namespace_and_message()
    {
        var (response, body) = await PostAsync("DynamoDB_20120810.DescribeTable", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal("com.amazonaws.dynamodb.v20120810#ValidationException", root.GetProperty("__type").GetString());
        Assert.Equal("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null", root.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_engine_answers_in_process_without_http()
    {
        var engine = new DynamoEngine();
        var created = engine.Invoke("CreateTable", """{"TableName":"inproc","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"KeySchema":[{"AttributeName":"id","KeyType":"HASH"}]}"""u8);
        Assert.Equal("ACTIVE", JsonDocument.Parse(created).RootElement.GetProperty("TableDescription").GetProperty("TableStatus").GetString());
        engine.Invoke("PutItem", """{"TableName":"inproc","Item":{"id":{"S":"a"},"n":{"N":"1.50"}}}"""u8);
        var got = JsonDocument.Parse(engine.Invoke("GetItem", """{"TableName":"inproc","Key":{"id":{"S":"a"}}}"""u8));
        Assert.Equal("1.5", got.RootElement.GetProperty("Item").GetProperty("n").GetProperty("N").GetString());
        var error = Assert.Throws<Errors.DynamoDbException>(() => engine.Invoke("GetItem", """{"TableName":"missing","Key":{"id":{"S":"a"}}}"""u8));
        Assert.Equal("ResourceNotFoundException", error.Type);
    }
}
